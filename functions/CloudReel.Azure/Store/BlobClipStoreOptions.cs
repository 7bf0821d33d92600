using Azure.Storage;

namespace CloudReel.Azure.Store;

/// <summary>How the Blob clip store lays out, moves and dates its blobs.</summary>
public sealed record BlobClipStoreOptions
{
    /// <summary>
    /// Content under 32 MiB goes up in one request; larger content in 8 MiB blocks, four in flight
    /// (memory is about four blocks), committed at once by the block list, so readers never see half
    /// a film. Cached copies come down in ranges of the same sizes.
    /// </summary>
    public static readonly StorageTransferOptions DefaultTransfer = new()
    {
        InitialTransferSize = 32 * 1024 * 1024,
        MaximumTransferSize = 8 * 1024 * 1024,
        MaximumConcurrency = 4,
    };

    public BlobContainers Containers { get; init; } = BlobContainers.Default;

    public StorageTransferOptions Transfer { get; init; } = DefaultTransfer;

    /// <summary>The clock read links are dated by.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
