using Azure.Core;

namespace CloudReel.Azure.Storage;

/// <summary>
/// A storage account as CloudReel reaches it: its name, Blob and Queue endpoints, and how requests
/// are authorised (a Shared Key or an Entra ID token credential, e.g. a managed identity).
/// </summary>
public sealed class StorageAccount
{
    public StorageAccount(string name, Uri blobEndpoint, Uri queueEndpoint, SharedKey key)
    {
        Name = name;
        BlobEndpoint = WithoutTrailingSlash(blobEndpoint);
        QueueEndpoint = WithoutTrailingSlash(queueEndpoint);
        Key = key;
    }

    public StorageAccount(string name, Uri blobEndpoint, Uri queueEndpoint, TokenCredential credential)
    {
        Name = name;
        BlobEndpoint = WithoutTrailingSlash(blobEndpoint);
        QueueEndpoint = WithoutTrailingSlash(queueEndpoint);
        Credential = credential;
    }

    public string Name { get; }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    /// <summary>The account key, for Shared Key accounts (connection strings, Azurite).</summary>
    public SharedKey? Key { get; }

    /// <summary>The Entra ID credential, for accounts reached by identity.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>
    /// An account reached by Entra ID from its Blob endpoint, e.g. https://films.blob.core.windows.net;
    /// the Queue endpoint is the same host with "queue" for "blob".
    /// </summary>
    public static StorageAccount FromBlobEndpoint(Uri blobEndpoint, TokenCredential credential)
    {
        if (blobEndpoint.Scheme != Uri.UriSchemeHttps) throw new ArgumentException("An account reached by Entra ID needs an https endpoint.", nameof(blobEndpoint));
        var host = blobEndpoint.Host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !host[dot..].StartsWith(".blob.", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{blobEndpoint}' is not a Blob endpoint like https://<account>.blob.core.windows.net.", nameof(blobEndpoint));
        }

        var name = host[..dot];
        var queue = new UriBuilder(blobEndpoint) { Host = name + ".queue." + host[(dot + ".blob.".Length)..] }.Uri;
        return new StorageAccount(name, new Uri(blobEndpoint.GetLeftPart(UriPartial.Authority)), queue, credential);
    }

    /// <summary>For people and logs: never the key.</summary>
    public override string ToString() => $"storage account '{Name}' at {BlobEndpoint}";

    private static Uri WithoutTrailingSlash(Uri uri) => new(uri.AbsoluteUri.TrimEnd('/'));
}
