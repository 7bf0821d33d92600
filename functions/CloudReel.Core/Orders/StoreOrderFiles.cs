using CloudReel.Core.Ports;

namespace CloudReel.Core.Orders;

/// <summary>The files of an order staged in the clip store, as validation sees them.</summary>
public sealed class StoreOrderFiles(IClipStore store, string filmId) : IOrderFiles
{
    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default) =>
        StoreLayout.IsSafeRelativePath(relativePath)
            ? store.GetSizeAsync(StoreLayout.OrderFile(filmId, relativePath), cancellationToken)
            : Task.FromResult<long?>(null);
}
