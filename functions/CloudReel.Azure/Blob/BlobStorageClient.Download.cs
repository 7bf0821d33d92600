using Azure;
using Azure.Core;
using CloudReel.Azure.Storage;

namespace CloudReel.Azure.Blob;

/// <summary>Reads: streamed from the service as the caller reads, whole or a byte range.</summary>
public sealed partial class BlobStorageClient
{
    /// <summary>
    /// Opens the blob (or <paramref name="range"/> of it) for reading. The bytes are not buffered:
    /// they stream as the caller reads. A connection that breaks mid-way is reopened at the byte it
    /// stopped at, pinned to the same version by its ETag. Throws 404 BlobNotFound when absent.
    /// </summary>
    public async Task<BlobDownload> DownloadAsync(
        string container, string blobName, BlobRange? range = null, BlobConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var (stream, response) = await OpenAsync(container, blobName, range, conditions, cancellationToken);
        var properties = BlobResponses.Properties(response);
        var start = range?.Offset ?? 0;
        var resuming = new ResumingReadStream(
            stream,
            properties.ContentLength,
            async (offset, token) =>
            {
                var remaining = range?.Length is { } length ? length - (offset - start) : (long?)null;
                var (reopened, _) = await OpenAsync(container, blobName, new BlobRange(offset, remaining), new BlobConditions(IfMatch: properties.ETag), token);
                return reopened;
            },
            start);
        return new BlobDownload(resuming, properties, BlobResponses.TotalLength(response) ?? properties.ContentLength);
    }

    private async Task<(Stream Content, Response Response)> OpenAsync(
        string container, string blobName, BlobRange? range, BlobConditions? conditions, CancellationToken cancellationToken)
    {
        var message = Create(RequestMethod.Get, BlobUri(container, blobName));
        try
        {
            message.BufferResponse = false;
            if (range is { } r) message.Request.Headers.Add("x-ms-range", r.ToHeader());
            ApplyConditions(message.Request, conditions);
            var response = await SendAsync(message, cancellationToken);
            if (response.Status is not (200 or 206))
            {
                throw StorageRequestFailedException.From(await BufferedAsync(response, cancellationToken), $"get {container}/{blobName}");
            }

            return (message.ExtractResponseContent() ?? Stream.Null, response);
        }
        finally
        {
            message.Dispose();
        }
    }

    /// <summary>An unbuffered error response: read its small body so the error code can be parsed.</summary>
    private static async Task<Response> BufferedAsync(Response response, CancellationToken cancellationToken)
    {
        if (response.ContentStream is { } body)
        {
            var copy = new MemoryStream();
            await body.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            response.ContentStream = copy;
        }

        return response;
    }
}
