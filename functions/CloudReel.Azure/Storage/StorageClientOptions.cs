using Azure.Core;

namespace CloudReel.Azure.Storage;

/// <summary>
/// Pipeline options for the Blob and Queue clients: Azure.Core's retries (exponential, on 408,
/// 429, 5xx and network errors) and diagnostics, plus the Storage service version every request names.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The x-ms-version of every request: a current service version that Azurite 3.37 also accepts.</summary>
    public const string ServiceVersion = "2025-11-05";

    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        Diagnostics.IsLoggingContentEnabled = false;
    }

    /// <summary>The clock for request dates and SAS times.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
