using System.Collections.Concurrent;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>A clip store in memory, for activities and ledgers under test.</summary>
internal sealed class MemoryClipStore : IClipStore
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

    public string Describe() => "memory";

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(_objects.ContainsKey(name));

    public Task<long?> GetSizeAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_objects.TryGetValue(name, out var bytes) ? bytes.Length : (long?)null);

    public async Task<bool> PutAsync(string name, Stream content, string contentType, bool overwrite, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (overwrite)
        {
            _objects[name] = buffer.ToArray();
            return true;
        }

        return _objects.TryAdd(name, buffer.ToArray());
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new MemoryStream(_objects[name], writable: false));

    public Task<string> GetLocalPathAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(_objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        _objects.TryRemove(name, out _);
        return Task.CompletedTask;
    }

    /// <summary>A link only this process understands (as a folder store gives): the API signs its own links to such files.</summary>
    public Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default) => Task.FromResult(new Uri("memory:///" + name));
}
