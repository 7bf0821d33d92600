using CloudReel.Core.Ports;

namespace CloudReel.Media.Tests.Support;

/// <summary>The smallest clip store the animatic needs: names are files in one folder.</summary>
public sealed class FolderClipStore(string root) : IClipStore
{
    public string Describe() => root;

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathOf(name)));

    public Task<long?> GetSizeAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(name)) ? new FileInfo(PathOf(name)).Length : (long?)null);

    public async Task<bool> PutAsync(string name, Stream content, string contentType, bool overwrite, CancellationToken cancellationToken = default)
    {
        if (!overwrite && File.Exists(PathOf(name))) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(name))!);
        await using var file = File.Create(PathOf(name));
        await content.CopyToAsync(file, cancellationToken);
        return true;
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult<Stream>(File.OpenRead(PathOf(name)));

    public Task<string> GetLocalPathAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(PathOf(name));

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<string>>(
        Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : []);

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    public Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    private string PathOf(string name) => Path.Combine(root, name);
}
