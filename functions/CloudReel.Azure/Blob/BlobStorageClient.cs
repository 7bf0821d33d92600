using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using CloudReel.Azure.Storage;

namespace CloudReel.Azure.Blob;

/// <summary>
/// Blob Storage over its REST API on Azure.Core's HttpPipeline: containers, blobs (single-shot and
/// parallel block uploads, streamed and ranged reads), properties, metadata, listings and
/// conditional requests. Failures throw <see cref="StorageRequestFailedException"/> with the
/// service's error code and request id; transient ones are retried by the pipeline first.
/// </summary>
public sealed partial class BlobStorageClient
{
    private readonly HttpPipeline _pipeline;

    public BlobStorageClient(StorageAccount account, StorageClientOptions? options = null, BlobTransferOptions? transfer = null)
    {
        Account = account;
        Options = options ?? new StorageClientOptions();
        Transfer = transfer ?? new BlobTransferOptions();
        _pipeline = StoragePipeline.Build(account, Options);
    }

    public StorageAccount Account { get; }

    public StorageClientOptions Options { get; }

    public BlobTransferOptions Transfer { get; }

    /// <summary>The blob's URL, without any signature.</summary>
    public Uri BlobUri(string container, string blobName) => new($"{Account.BlobEndpoint}/{BlobNames.EncodePath(container, blobName)}");

    /// <summary>Creates the container; false when it was already there.</summary>
    public async Task<bool> CreateContainerIfNotExistsAsync(string container, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Put, ContainerUri(container));
        message.Request.Uri.AppendQuery("restype", "container");
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 201) return true;
        if (response.Status == 409 && ErrorCode(response) == "ContainerAlreadyExists") return false;
        throw StorageRequestFailedException.From(response, $"create container {container}");
    }

    /// <summary>Deletes the container and everything in it; false when there was none.</summary>
    public async Task<bool> DeleteContainerIfExistsAsync(string container, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Delete, ContainerUri(container));
        message.Request.Uri.AppendQuery("restype", "container");
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 202) return true;
        if (response.Status == 404) return false;
        throw StorageRequestFailedException.From(response, $"delete container {container}");
    }

    /// <summary>The blob's properties and metadata, or null when it does not exist.</summary>
    public async Task<BlobProperties?> GetPropertiesAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Head, BlobUri(container, blobName));
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 404) return null;
        if (response.Status != 200) throw StorageRequestFailedException.From(response, $"get properties of {container}/{blobName}");
        return BlobResponses.Properties(response);
    }

    /// <summary>Deletes the blob (and its snapshots); false when there was none.</summary>
    public async Task<bool> DeleteIfExistsAsync(string container, string blobName, BlobConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Delete, BlobUri(container, blobName));
        message.Request.Headers.Add("x-ms-delete-snapshots", "include");
        ApplyConditions(message.Request, conditions);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 202) return true;
        if (response.Status == 404) return false;
        throw StorageRequestFailedException.From(response, $"delete {container}/{blobName}");
    }

    /// <summary>Replaces the blob's metadata (names are C# identifiers, values ASCII).</summary>
    public async Task<ETag> SetMetadataAsync(
        string container, string blobName, IReadOnlyDictionary<string, string> metadata, BlobConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Put, BlobUri(container, blobName));
        message.Request.Uri.AppendQuery("comp", "metadata");
        AddMetadata(message.Request, metadata);
        ApplyConditions(message.Request, conditions);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status != 200) throw StorageRequestFailedException.From(response, $"set metadata of {container}/{blobName}");
        return BlobResponses.ETagOf(response);
    }

    /// <summary>Sets the blob's content type (Set Blob Properties clears the other content headers, which CloudReel does not use).</summary>
    public async Task<ETag> SetContentTypeAsync(
        string container, string blobName, string contentType, BlobConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Put, BlobUri(container, blobName));
        message.Request.Uri.AppendQuery("comp", "properties");
        message.Request.Headers.Add("x-ms-blob-content-type", contentType);
        ApplyConditions(message.Request, conditions);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status != 200) throw StorageRequestFailedException.From(response, $"set content type of {container}/{blobName}");
        return BlobResponses.ETagOf(response);
    }

    private Uri ContainerUri(string container) => new($"{Account.BlobEndpoint}/{BlobNames.RequireContainer(container)}");

    private HttpMessage Create(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken);
        return message.Response;
    }

    private static string? ErrorCode(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null;

    private static void ApplyConditions(Request request, BlobConditions? conditions)
    {
        if (conditions?.IfMatch is { } ifMatch) request.Headers.Add(HttpHeader.Names.IfMatch, ifMatch.ToString("H"));
        if (conditions?.IfNoneMatch is { } ifNoneMatch) request.Headers.Add(HttpHeader.Names.IfNoneMatch, ifNoneMatch == ETag.All ? "*" : ifNoneMatch.ToString("H"));
    }

    private static void AddMetadata(Request request, IReadOnlyDictionary<string, string>? metadata)
    {
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            if (!BlobResponses.IsMetadataName(name) || value.Any(c => c > 127 || char.IsControl(c)))
            {
                throw new ArgumentException($"Metadata '{name}' is not allowed: names are identifiers, values printable ASCII.", nameof(metadata));
            }

            request.Headers.Add("x-ms-meta-" + name, value);
        }
    }
}
