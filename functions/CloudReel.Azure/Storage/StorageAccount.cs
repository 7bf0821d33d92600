using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace CloudReel.Azure.Storage;

/// <summary>
/// A storage account as CloudReel reaches it: its Blob and Queue service clients, authorised by an
/// account key (a connection string, Azurite) or by Entra ID (a token credential, e.g. a managed identity).
/// </summary>
public sealed class StorageAccount(BlobServiceClient blobs, QueueServiceClient queues)
{
    public string Name => Blobs.AccountName;

    public BlobServiceClient Blobs { get; } = blobs;

    public QueueServiceClient Queues { get; } = queues;

    /// <summary>Whether <paramref name="text"/> looks like a connection string rather than a path or a URL.</summary>
    public static bool LooksLikeConnectionString(string text) =>
        text.Contains('=', StringComparison.Ordinal)
        && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        && !text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An account from a connection string as the SDK reads it: <c>UseDevelopmentStorage=true</c> (Azurite
    /// at its default ports), or <c>AccountName</c> and <c>AccountKey</c> with a protocol and endpoint
    /// suffix or explicit <c>BlobEndpoint</c>/<c>QueueEndpoint</c> (Azurite on other ports). The key is
    /// required: read links are signed with it. Errors never quote the string.
    /// </summary>
    /// <param name="connectionString">The connection string; never printed.</param>
    /// <param name="configure">Changes to the client options (tests: the transport, shorter retries).</param>
    public static StorageAccount FromConnectionString(string connectionString, Action<ClientOptions>? configure = null)
    {
        BlobServiceClient blobs;
        QueueServiceClient queues;
        try
        {
            blobs = new BlobServiceClient(connectionString, StorageClientOptions.Blob(configure));
            queues = new QueueServiceClient(connectionString, StorageClientOptions.Queue(configure));
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            // The SDK's messages name no setting values, so no key can leak through them.
            throw new FormatException(
                $"The Storage connection string is not valid ({error.Message}): use UseDevelopmentStorage=true, or AccountName with a base64 AccountKey.");
        }

        return blobs.CanGenerateAccountSasUri
            ? new StorageAccount(blobs, queues)
            : throw new FormatException("The Storage connection string has no AccountKey (and is not UseDevelopmentStorage=true): CloudReel signs its read links with the key.");
    }

    /// <summary>
    /// An account reached by Entra ID from its Blob endpoint, e.g. https://films.blob.core.windows.net;
    /// the Queue endpoint is the same host with "queue" for "blob".
    /// </summary>
    public static StorageAccount FromBlobEndpoint(Uri blobEndpoint, TokenCredential credential, Action<ClientOptions>? configure = null)
    {
        if (blobEndpoint.Scheme != Uri.UriSchemeHttps) throw new ArgumentException("An account reached by Entra ID needs an https endpoint.", nameof(blobEndpoint));
        var host = blobEndpoint.Host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !host[dot..].StartsWith(".blob.", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{blobEndpoint}' is not a Blob endpoint like https://<account>.blob.core.windows.net.", nameof(blobEndpoint));
        }

        var blob = new Uri(blobEndpoint.GetLeftPart(UriPartial.Authority));
        var queue = new UriBuilder(blob) { Host = host[..dot] + ".queue." + host[(dot + ".blob.".Length)..] }.Uri;
        return FromEndpoints(blob, queue, credential, configure);
    }

    /// <summary>An account reached by Entra ID at explicit endpoints (e.g. Azurite over https with OAuth).</summary>
    public static StorageAccount FromEndpoints(Uri blobEndpoint, Uri queueEndpoint, TokenCredential credential, Action<ClientOptions>? configure = null) => new(
        new BlobServiceClient(blobEndpoint, credential, StorageClientOptions.Blob(configure)),
        new QueueServiceClient(queueEndpoint, credential, StorageClientOptions.Queue(configure)));

    /// <summary>For people and logs: never the key.</summary>
    public override string ToString() => $"storage account '{Name}' at {Blobs.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')}";
}
