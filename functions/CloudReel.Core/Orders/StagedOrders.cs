using CloudReel.Core.Ports;

namespace CloudReel.Core.Orders;

/// <summary>
/// Claims a film id by writing its order, never over another film's: the first order written under
/// an id keeps it. The same order again (a retried request that names its film the same way) is fine.
/// </summary>
public static class StagedOrders
{
    /// <exception cref="FilmIdTakenException">Another, different order is already staged under this id.</exception>
    public static async Task ClaimAsync(IClipStore store, string orderName, string orderText, string contentType, CancellationToken cancellationToken)
    {
        if (await store.PutTextAsync(orderName, orderText, contentType, overwrite: false, cancellationToken)) return;
        if (await store.ReadTextAsync(orderName, cancellationToken) == orderText) return;
        throw new FilmIdTakenException($"another film's order is already staged as {orderName}; nothing was overwritten, send the order again");
    }
}

/// <summary>The film id is another film's: its order was kept as it was.</summary>
public sealed class FilmIdTakenException(string message) : Exception(message);
