using System.Collections.Concurrent;
using CloudReel.Azure.Blob;
using CloudReel.Azure.Sas;
using CloudReel.Azure.Storage;
using CloudReel.Core.Ports;

namespace CloudReel.Azure.Store;

/// <summary>
/// The clip store on Blob Storage (<see cref="BlobContainers"/> says which container holds what).
/// Content-addressed writes are idempotent creates (If-None-Match: *), large objects go up in
/// parallel blocks committed at once, reads stream, tools get a local copy cached by ETag, and read
/// links are short-lived SAS links: service SAS with an account key, user delegation SAS with Entra ID.
/// </summary>
public sealed class BlobClipStore(BlobStorageClient client, string cacheDirectory, BlobContainers? containers = null) : IClipStore
{
    private readonly BlobContainers _containers = containers ?? BlobContainers.Default;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);
    private readonly UserDelegationKeys _keys = new(client);

    public BlobStorageClient Client => client;

    public BlobContainers Containers => _containers;

    public string Describe() => $"{client.Account} (containers {string.Join(", ", _containers.All)})";

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        await GetSizeAsync(name, cancellationToken) is not null;

    public async Task<long?> GetSizeAsync(string name, CancellationToken cancellationToken = default)
    {
        var (container, blob) = _containers.Locate(name);
        return (await client.GetPropertiesAsync(container, blob, cancellationToken))?.ContentLength;
    }

    public async Task<bool> PutAsync(string name, Stream content, string contentType, bool overwrite, CancellationToken cancellationToken = default)
    {
        var (container, blob) = _containers.Locate(name);
        await EnsureContainerAsync(container, cancellationToken);

        // Asking first spares uploading a whole clip that is already there; the condition still decides.
        if (!overwrite && await client.GetPropertiesAsync(container, blob, cancellationToken) is not null) return false;
        var options = new BlobUploadOptions { ContentType = contentType, Conditions = overwrite ? null : BlobConditions.IfNotExists };
        return await client.UploadAsync(container, blob, content, options, cancellationToken) is not null;
    }

    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var (container, blob) = _containers.Locate(name);
        try
        {
            return (await client.DownloadAsync(container, blob, cancellationToken: cancellationToken)).Content;
        }
        catch (StorageRequestFailedException missing) when (missing.Status == 404)
        {
            throw new FileNotFoundException($"'{name}' is not in the clip store ({missing.ErrorCode}).", name, missing);
        }
    }

    public async Task<string> GetLocalPathAsync(string name, CancellationToken cancellationToken = default)
    {
        var (container, blob) = _containers.Locate(name);
        var properties = await client.GetPropertiesAsync(container, blob, cancellationToken)
            ?? throw new FileNotFoundException($"'{name}' is not in the clip store.", name);
        var path = BlobDownloadCache.PathFor(cacheDirectory, container, blob, properties.ETag);
        if (File.Exists(path)) return path;

        await using var download = await client.DownloadAsync(container, blob, conditions: new BlobConditions(IfMatch: properties.ETag), cancellationToken: cancellationToken);
        return await BlobDownloadCache.SaveAsync(path, download.Content, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        foreach (var (container, blobPrefix) in _containers.Cover(prefix))
        {
            await foreach (var item in client.ListAsync(container, blobPrefix, cancellationToken: cancellationToken))
            {
                if (_containers.NameOf(container, item.Name) is { } name && name.StartsWith(prefix, StringComparison.Ordinal)) names.Add(name);
            }
        }

        return names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var (container, blob) = _containers.Locate(name);
        await client.DeleteIfExistsAsync(container, blob, cancellationToken: cancellationToken);
    }

    public async Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var (container, blob) = _containers.Locate(name);
        if (!await ExistsAsync(name, cancellationToken)) throw new FileNotFoundException($"'{name}' is not in the clip store.", name);
        var uri = client.BlobUri(container, blob);
        var now = client.Options.Time.GetUtcNow();
        if (client.Account.Key is { } key) return BlobReadLinks.ServiceSas(uri, key, container, blob, now, lifetime);
        var delegation = await _keys.ForAsync(now, lifetime, cancellationToken);
        return BlobReadLinks.UserDelegationSas(uri, delegation, client.Account.Name, container, blob, now, lifetime);
    }

    /// <summary>Creates the containers this store uses (idempotent); writes do it on their own when needed.</summary>
    public async Task EnsureContainersAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in _containers.All) await EnsureContainerAsync(container, cancellationToken);
    }

    private Task EnsureContainerAsync(string container, CancellationToken cancellationToken) =>
        _created.GetOrAdd(container, c => new Lazy<Task>(() => client.CreateContainerIfNotExistsAsync(c, cancellationToken))).Value;
}
