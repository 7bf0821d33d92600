using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CloudReel.Azure.Sas;
using CloudReel.Azure.Storage;
using CloudReel.Core.Ports;

namespace CloudReel.Azure.Store;

/// <summary>
/// The clip store on Blob Storage (<see cref="BlobContainers"/> says which container holds what).
/// Content-addressed writes are idempotent creates (If-None-Match: *), large objects go up in
/// parallel blocks committed at once, reads stream and resume where a connection broke, tools get a
/// local copy cached by ETag, and read links are short-lived SAS links (<see cref="BlobReadLinks"/>).
/// </summary>
public sealed class BlobClipStore : IClipStore
{
    private readonly BlobServiceClient _blobs;
    private readonly string _cacheDirectory;
    private readonly BlobClipStoreOptions _options;
    private readonly BlobReadLinks _links;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);

    public BlobClipStore(BlobServiceClient blobs, string cacheDirectory, BlobClipStoreOptions? options = null)
    {
        _blobs = blobs;
        _cacheDirectory = cacheDirectory;
        _options = options ?? new BlobClipStoreOptions();
        _links = new BlobReadLinks(blobs, _options.Time);
    }

    public BlobContainers Containers => _options.Containers;

    public string Describe() =>
        $"storage account '{_blobs.AccountName}' at {_blobs.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')} (containers {string.Join(", ", Containers.All)})";

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        await GetSizeAsync(name, cancellationToken) is not null;

    public async Task<long?> GetSizeAsync(string name, CancellationToken cancellationToken = default) =>
        (await PropertiesAsync(Blob(name), cancellationToken))?.ContentLength;

    public async Task<bool> PutAsync(string name, Stream content, string contentType, bool overwrite, CancellationToken cancellationToken = default)
    {
        var blob = Blob(name);
        await EnsureContainerAsync(blob.BlobContainerName, cancellationToken);

        // Asking first spares uploading a whole clip that is already there; the condition still decides.
        if (!overwrite && await PropertiesAsync(blob, cancellationToken) is not null) return false;
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = _options.Transfer,
        };
        try
        {
            await blob.UploadAsync(content, upload, cancellationToken);
            return true;
        }
        catch (RequestFailedException lost) when (!overwrite && StorageErrors.IsConditionFailure(lost))
        {
            return false;
        }
    }

    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            // A streamed download: a connection that breaks mid-way is reopened at the byte it stopped at, pinned to the same ETag.
            return (await Blob(name).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            throw new FileNotFoundException($"'{name}' is not in the clip store ({missing.ErrorCode}).", name, missing);
        }
    }

    public async Task<string> GetLocalPathAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = Blob(name);
        var properties = await PropertiesAsync(blob, cancellationToken) ?? throw new FileNotFoundException($"'{name}' is not in the clip store.", name);
        var path = BlobDownloadCache.PathFor(_cacheDirectory, blob.BlobContainerName, blob.Name, properties.ETag);
        if (File.Exists(path)) return path;

        var download = new BlobDownloadToOptions
        {
            Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
            TransferOptions = _options.Transfer,
        };
        return await BlobDownloadCache.SaveAsync(path, partial => blob.DownloadToAsync(partial, download, cancellationToken));
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        foreach (var (container, blobPrefix) in Containers.Cover(prefix))
        {
            try
            {
                await foreach (var item in _blobs.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = blobPrefix }, cancellationToken))
                {
                    if (Containers.NameOf(container, item.Name) is { } name && name.StartsWith(prefix, StringComparison.Ordinal)) names.Add(name);
                }
            }
            catch (RequestFailedException missing) when (missing.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                // Nothing written there yet.
            }
        }

        return names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        await Blob(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    public async Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var blob = Blob(name);
        if (await PropertiesAsync(blob, cancellationToken) is null) throw new FileNotFoundException($"'{name}' is not in the clip store.", name);
        return await _links.ForAsync(blob, lifetime, cancellationToken);
    }

    /// <summary>Creates the containers this store uses (idempotent); writes do it on their own when needed.</summary>
    public async Task EnsureContainersAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in Containers.All) await EnsureContainerAsync(container, cancellationToken);
    }

    private BlobClient Blob(string name)
    {
        var (container, blob) = Containers.Locate(name);
        return _blobs.GetBlobContainerClient(container).GetBlobClient(blob);
    }

    private static async Task<BlobProperties?> PropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return null;
        }
    }

    private Task EnsureContainerAsync(string container, CancellationToken cancellationToken) =>
        _created.GetOrAdd(container, c => new Lazy<Task>(() => _blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken))).Value;
}
