using CloudReel.Core.Intake;
using CloudReel.Core.Orders;

namespace CloudReel.Local.Orders;

/// <summary>The files an order refers to, on local disk, through <see cref="OrderFolder"/> (inside the order's folder, regular files only).</summary>
public sealed class LocalOrderFiles(string orderDirectory) : IOrderSource
{
    private readonly OrderFolder _folder = new(orderDirectory);

    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        // A reference-image URL is fetched, and its size and type checked, when the order is staged.
        if (RemoteImages.IsUrl(relativePath)) return Task.FromResult<long?>(0);
        return Task.FromResult(_folder.GetSize(relativePath));
    }

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        if (RemoteImages.IsUrl(relativePath)) return Task.FromResult<Stream?>(null);
        return Task.FromResult(_folder.TryOpenRead(relativePath, OrderLimits.AnyFileBytes));
    }
}
