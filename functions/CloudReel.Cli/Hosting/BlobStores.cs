using Azure.Identity;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Store;

namespace CloudReel.Cli.Hosting;

/// <summary>The storage account of a `--store` that is not a folder, and the Blob clip store on it.</summary>
public static class BlobStores
{
    public static StorageAccount Account(StoreLocation location) => location.Kind switch
    {
        StoreKind.ConnectionString => StorageAccount.FromConnectionString(location.Value),
        StoreKind.BlobEndpoint => StorageAccount.FromBlobEndpoint(new Uri(location.Value), new DefaultAzureCredential()),
        _ => throw new ArgumentException($"{location} is a folder, not Blob Storage.", nameof(location)),
    };

    public static BlobClipStore Create(StorageAccount account, string cacheDirectory) => new(account.Blobs, cacheDirectory);
}
