using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CloudReel.Azure.Queue;

namespace CloudReel.Azure.Storage;

/// <summary>
/// The options every Blob and Queue client of CloudReel is built with: one pinned service version,
/// Azure.Core's exponential retries (408, 429, 5xx and network errors, a download resumed where it
/// broke), no logged bodies, and queue messages in base64 as the Functions queue trigger reads them.
/// </summary>
public static class StorageClientOptions
{
    /// <summary>
    /// The service version every request names. The SDKs default to their newest (2026-10-06 for
    /// Blobs 12.30.1), which Azurite 3.37 refuses unless started with --skipApiVersionCheck; pinning a
    /// version that Azure and a stock Azurite both accept keeps `--store UseDevelopmentStorage=true`
    /// working against whatever Azurite a user runs, and CloudReel uses nothing newer.
    /// </summary>
    public const BlobClientOptions.ServiceVersion BlobVersion = BlobClientOptions.ServiceVersion.V2025_11_05;

    /// <inheritdoc cref="BlobVersion"/>
    public const QueueClientOptions.ServiceVersion QueueVersion = QueueClientOptions.ServiceVersion.V2025_11_05;

    public static BlobClientOptions Blob(Action<ClientOptions>? configure = null)
    {
        // No transactional checksums on uploads (TLS guards the bytes on the way): with a checksum and
        // parallel blocks, Blobs 12.30.1 buffered blocks far ahead of the ones in flight, and a 256 MB
        // film took 570 MB more memory instead of 50 MB (measured against Azurite).
        var options = new BlobClientOptions(BlobVersion);
        Apply(options, configure);
        return options;
    }

    public static QueueClientOptions Queue(Action<ClientOptions>? configure = null)
    {
        var options = new QueueClientOptions(QueueVersion) { MessageEncoding = QueueMessageEncoding.Base64 };
        options.MessageDecodingFailed += UndecodableMessages.MoveToPoisonQueueAsync;
        Apply(options, configure);
        return options;
    }

    private static void Apply(ClientOptions options, Action<ClientOptions>? configure)
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromSeconds(0.8);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        options.Diagnostics.IsLoggingContentEnabled = false;
        configure?.Invoke(options);
    }
}
