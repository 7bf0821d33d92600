using CloudReel.Core.Orders;
using CloudReel.Core.Ports;

namespace CloudReel.Cli.Orders;

/// <summary>The files an order refers to, on local disk, relative to the order file's folder.</summary>
public sealed class LocalOrderFiles(string orderDirectory) : IOrderFiles
{
    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        // A reference-image URL is fetched, and its size and type checked, when the order is staged.
        if (RemoteImages.IsUrl(relativePath)) return Task.FromResult<long?>(0);
        if (!StoreLayout.IsSafeRelativePath(relativePath)) return Task.FromResult<long?>(null);
        var file = new FileInfo(Path.Combine(orderDirectory, relativePath));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }
}
