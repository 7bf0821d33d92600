using CloudReel.Core.Ports;

namespace CloudReel.Core.Orders;

/// <summary>
/// The files of an order staged in the clip store, as validation sees them: paths relative to the
/// order, and reference-image URLs through the index of the images fetched when it was staged.
/// </summary>
public sealed class StoreOrderFiles(IClipStore store, string filmId) : IOrderFiles
{
    private IReadOnlyDictionary<string, FetchedImage>? _fetched;

    public async Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default) =>
        await StoreNameAsync(relativePath, cancellationToken) is { } name ? await store.GetSizeAsync(name, cancellationToken) : null;

    /// <summary>The store name of a path or URL of the order, or null when there is none.</summary>
    public async Task<string?> StoreNameAsync(string pathOrUrl, CancellationToken cancellationToken = default)
    {
        if (!RemoteImages.IsUrl(pathOrUrl))
        {
            return StoreLayout.IsSafeRelativePath(pathOrUrl) ? StoreLayout.OrderFile(filmId, pathOrUrl) : null;
        }

        _fetched ??= await RemoteImages.ReadIndexAsync(store, filmId, cancellationToken);
        return _fetched.TryGetValue(pathOrUrl, out var image) ? StoreLayout.OrderFile(filmId, image.File) : null;
    }
}
