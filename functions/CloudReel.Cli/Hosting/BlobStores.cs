using Azure.Identity;
using CloudReel.Azure.Blob;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Store;

namespace CloudReel.Cli.Hosting;

/// <summary>Builds the Blob clip store for a `--store` that is not a folder.</summary>
public static class BlobStores
{
    public static BlobClipStore Create(StoreLocation location, string cacheDirectory)
    {
        var account = location.Kind switch
        {
            StoreKind.ConnectionString => StorageConnectionString.Parse(location.Value),
            StoreKind.BlobEndpoint => StorageAccount.FromBlobEndpoint(new Uri(location.Value), new DefaultAzureCredential()),
            _ => throw new ArgumentException($"{location} is a folder, not Blob Storage.", nameof(location)),
        };
        return new BlobClipStore(new BlobStorageClient(account), cacheDirectory);
    }
}
