using CloudReel.Core.Ports;

namespace CloudReel.Local.Store;

/// <summary>
/// The clip store on a local folder. Objects live at their names under <c>root</c>, except a film's
/// outputs (films/&lt;film-id&gt;/…), which live under <c>filmsRoot</c> — the `-o` folder of the CLI —
/// so a finished film is where its user looks for it. Writes go to a temporary file and are renamed
/// into place, so readers never see half an object.
/// </summary>
public sealed class FolderClipStore : IClipStore
{
    private readonly string _root;
    private readonly string _filmsRoot;

    public FolderClipStore(string root, string? filmsRoot = null)
    {
        _root = Path.GetFullPath(root);
        _filmsRoot = Path.GetFullPath(filmsRoot ?? Path.Combine(root, "films"));
    }

    public string Describe() => _root;

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(name)));

    public Task<long?> GetSizeAsync(string name, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathOf(name));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }

    public async Task<bool> PutAsync(string name, Stream content, string contentType, bool overwrite, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        if (!overwrite && File.Exists(path)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.partial-{Guid.NewGuid():N}";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            if (overwrite)
            {
                File.Move(temporary, path, overwrite: true);
                return true;
            }

            return NoReplaceRename.TryLink(temporary, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new FileStream(RequireExisting(name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: true));

    public Task<string> GetLocalPathAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(RequireExisting(name));

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var (baseName, baseDirectory) = prefix.StartsWith(StoreLayout.FilmsPrefix, StringComparison.Ordinal)
            ? (StoreLayout.FilmsPrefix, _filmsRoot)
            : ("", _root);
        if (!Directory.Exists(baseDirectory)) return Task.FromResult<IReadOnlyList<string>>([]);
        var names = Directory.EnumerateFiles(baseDirectory, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains(".partial-", StringComparison.Ordinal))
            .Select(path => baseName + Path.GetRelativePath(baseDirectory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(names);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    public Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Uri(RequireExisting(name)));

    /// <summary>The file behind a name. Names are validated: no "..", no absolute paths, no backslashes.</summary>
    public string PathOf(string name)
    {
        if (!StoreLayout.IsSafeRelativePath(name)) throw new ArgumentException($"'{name}' is not a valid store name.", nameof(name));
        return name.StartsWith(StoreLayout.FilmsPrefix, StringComparison.Ordinal)
            ? Path.Combine(_filmsRoot, name[StoreLayout.FilmsPrefix.Length..])
            : Path.Combine(_root, name);
    }

    private string RequireExisting(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"'{name}' is not in the clip store at {_root}.", path);
    }
}
