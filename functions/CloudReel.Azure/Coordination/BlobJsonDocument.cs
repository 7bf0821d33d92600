using Azure;
using CloudReel.Azure.Blob;
using CloudReel.Azure.Storage;
using CloudReel.Core.Workflow;

namespace CloudReel.Azure.Coordination;

/// <summary>
/// A small JSON document in one blob, changed by read-modify-write under optimistic concurrency:
/// the write is conditional on the ETag that was read (If-Match, or If-None-Match: * for a new
/// document), and a writer that lost the race reads again and decides again. Every instance of the
/// app that touches the same blob therefore sees one order of changes, without locks or leases.
/// </summary>
public sealed class BlobJsonDocument<T>(BlobStorageClient client, string container, string blobName)
    where T : class, new()
{
    /// <summary>Tries before giving up; contenders are spread by a jittered, growing wait.</summary>
    public const int MaxAttempts = 60;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(400);

    public string Container => container;

    public string BlobName => blobName;

    /// <summary>The document, or a new one when the blob does not exist yet, with the ETag it was read at.</summary>
    public async Task<(T Value, ETag? ETag)> ReadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var download = await client.DownloadAsync(container, blobName, cancellationToken: cancellationToken);
            var value = await System.Text.Json.JsonSerializer.DeserializeAsync<T>(download.Content, WorkflowJson.Options, cancellationToken);
            return (value ?? new T(), download.Properties.ETag);
        }
        catch (StorageRequestFailedException missing) when (missing.Status == 404)
        {
            return (new T(), null);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current document until its write wins. The function
    /// may run several times, each on a fresh read, so it must only decide from what it is given.
    /// It returns the document to write, or null to leave the blob as it is, and the caller's answer.
    /// </summary>
    public async Task<TResult> UpdateAsync<TResult>(Func<T, (T? Changed, TResult Result)> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadAsync(cancellationToken);
            var (changed, result) = change(current);
            if (changed is null || await TryWriteAsync(changed, etag, cancellationToken)) return result;
            if (attempt >= MaxAttempts)
            {
                throw new StorageConcurrencyException($"{container}/{blobName} was changed by others {MaxAttempts} times in a row while this change waited; try again later.");
            }

            await Task.Delay(Backoff(attempt), cancellationToken);
        }
    }

    private async Task<bool> TryWriteAsync(T value, ETag? readAt, CancellationToken cancellationToken)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, WorkflowJson.Options);
        var options = new BlobUploadOptions
        {
            ContentType = "application/json",
            Conditions = readAt is { } etag ? new BlobConditions(IfMatch: etag) : BlobConditions.IfNotExists,
        };
        try
        {
            using var content = new MemoryStream(json);
            return await client.UploadAsync(container, blobName, content, options, cancellationToken) is not null;
        }
        catch (StorageRequestFailedException missing) when (missing.ErrorCode == "ContainerNotFound")
        {
            await client.CreateContainerIfNotExistsAsync(container, cancellationToken);
            return false;
        }
    }

    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, 10 * Math.Pow(1.5, Math.Min(attempt, 12)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}

/// <summary>A conditional change lost its race too many times in a row.</summary>
public sealed class StorageConcurrencyException(string message) : Exception(message);
