using CloudReel.Core.Orders;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Intake;

/// <summary>An order's files in a folder of the clip store (ending in '/'): an order uploaded under orders/incoming/, or a staged film's.</summary>
public sealed class StoreFolderFiles(IClipStore store, string folder) : IOrderSource
{
    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        if (RemoteImages.IsUrl(relativePath)) return Task.FromResult<long?>(0);
        return StoreLayout.IsSafeRelativePath(relativePath) ? store.GetSizeAsync(folder + relativePath, cancellationToken) : Task.FromResult<long?>(null);
    }

    public async Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken = default) =>
        StoreLayout.IsSafeRelativePath(relativePath) && await store.ExistsAsync(folder + relativePath, cancellationToken)
            ? await store.OpenReadAsync(folder + relativePath, cancellationToken)
            : null;
}
