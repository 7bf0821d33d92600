using Azure;

namespace CloudReel.Azure.Blob;

/// <summary>What Get Blob Properties (or a listing) says about a blob.</summary>
public sealed record BlobProperties(
    long ContentLength,
    string? ContentType,
    ETag ETag,
    DateTimeOffset? LastModified,
    IReadOnlyDictionary<string, string> Metadata);

/// <summary>One blob of a listing.</summary>
public sealed record BlobItem(string Name, long ContentLength, string? ContentType, ETag ETag);

/// <summary>Bytes <see cref="Offset"/> to <see cref="Offset"/> + <see cref="Length"/> − 1; no length means to the end.</summary>
public readonly record struct BlobRange(long Offset, long? Length = null)
{
    public string ToHeader() => Length is { } length ? $"bytes={Offset}-{Offset + length - 1}" : $"bytes={Offset}-";
}

/// <summary>
/// Preconditions of a request: If-Match (only this version) and If-None-Match (<see cref="ETag.All"/>:
/// only if the blob does not exist yet — the idempotent create of content-addressed clips).
/// </summary>
public sealed record BlobConditions(ETag? IfMatch = null, ETag? IfNoneMatch = null)
{
    public static BlobConditions IfNotExists { get; } = new(IfNoneMatch: ETag.All);
}

/// <summary>How to write a blob.</summary>
public sealed record BlobUploadOptions
{
    public string ContentType { get; init; } = "application/octet-stream";

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public BlobConditions? Conditions { get; init; }
}

/// <summary>How large writes are cut into blocks.</summary>
public sealed record BlobTransferOptions
{
    /// <summary>Blobs up to this size go in one Put Blob; larger ones in blocks.</summary>
    public int SingleUploadLimit { get; init; } = 32 * 1024 * 1024;

    public int BlockSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>Blocks in flight at once; memory use is about this times <see cref="BlockSize"/>.</summary>
    public int Parallelism { get; init; } = 4;
}

/// <summary>A write that happened: the new version's ETag, and how many blocks it took (0 for a single put).</summary>
public sealed record BlobWriteResult(ETag ETag, int Blocks);

/// <summary>A download: the content streams from the service as it is read. Dispose it.</summary>
public sealed class BlobDownload(Stream content, BlobProperties properties, long? totalLength) : IDisposable, IAsyncDisposable
{
    public Stream Content { get; } = content;

    public BlobProperties Properties { get; } = properties;

    /// <summary>The whole blob's size (from Content-Range for a ranged read).</summary>
    public long? TotalLength { get; } = totalLength;

    public void Dispose() => Content.Dispose();

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
