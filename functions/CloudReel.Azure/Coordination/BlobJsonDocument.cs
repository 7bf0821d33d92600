using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CloudReel.Azure.Storage;
using CloudReel.Core.Workflow;

namespace CloudReel.Azure.Coordination;

/// <summary>
/// A small JSON document in one blob, changed by read-modify-write under optimistic concurrency:
/// the write is conditional on the ETag that was read (If-Match, or If-None-Match: * for a new
/// document), and a writer that lost the race reads again and decides again. Every instance of the
/// app that touches the same blob therefore sees one order of changes, without locks or leases.
/// </summary>
public sealed class BlobJsonDocument<T>(BlobClient blob)
    where T : class, new()
{
    /// <summary>Tries before giving up; contenders are spread by a jittered, growing wait.</summary>
    public const int MaxAttempts = 60;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(400);

    public BlobClient Blob => blob;

    /// <summary>The document, or a new one when the blob does not exist yet, with the ETag it was read at.</summary>
    public async Task<(T Value, ETag? ETag)> ReadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            BlobDownloadResult read = await blob.DownloadContentAsync(cancellationToken);
            return (read.Content.ToObjectFromJson<T>(WorkflowJson.Options) ?? new T(), read.Details.ETag);
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
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
                throw new StorageConcurrencyException($"{blob.BlobContainerName}/{blob.Name} was changed by others {MaxAttempts} times in a row while this change waited; try again later.");
            }

            await Task.Delay(Backoff(attempt), cancellationToken);
        }
    }

    private async Task<bool> TryWriteAsync(T value, ETag? readAt, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = readAt is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await blob.UploadAsync(BinaryData.FromObjectAsJson(value, WorkflowJson.Options), options, cancellationToken);
            return true;
        }
        catch (RequestFailedException lost) when (StorageErrors.IsConditionFailure(lost))
        {
            return false;
        }
        catch (RequestFailedException missing) when (missing.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await blob.GetParentBlobContainerClient().CreateIfNotExistsAsync(cancellationToken: cancellationToken);
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
