using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;

namespace CloudReel.Local.Orders;

/// <summary>The files an order refers to, on local disk, relative to the order file's folder.</summary>
public sealed class LocalOrderFiles(string orderDirectory) : IOrderSource
{
    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        // A reference-image URL is fetched, and its size and type checked, when the order is staged.
        if (RemoteImages.IsUrl(relativePath)) return Task.FromResult<long?>(0);
        if (!StoreLayout.IsSafeRelativePath(relativePath)) return Task.FromResult<long?>(null);
        var file = new FileInfo(Path.Combine(orderDirectory, relativePath));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        if (RemoteImages.IsUrl(relativePath) || !StoreLayout.IsSafeRelativePath(relativePath)) return Task.FromResult<Stream?>(null);
        var path = Path.Combine(orderDirectory, relativePath);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }
}
