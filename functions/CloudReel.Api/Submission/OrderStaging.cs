using CloudReel.Azure.Security;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;

namespace CloudReel.Api.Submission;

/// <summary>
/// Stages an order in the store under orders/&lt;film-id&gt;/ as the workflow expects it: the order text,
/// every file it names copied from where the order came from in the store (an upload folder, or the
/// film it regenerates), and reference-image URLs fetched once, safely, content-addressed under _fetched/.
/// </summary>
public sealed class OrderStaging(IClipStore store, Func<SafeImageFetcher>? fetcherFactory = null)
{
    /// <summary>Writes the order and its files; returns the order's store name. Files missing at the source are left for validation to report.</summary>
    /// <param name="filmId">The film to stage for.</param>
    /// <param name="orderText">The order as sent.</param>
    /// <param name="extension">".json" or ".yaml".</param>
    /// <param name="order">The parsed order, when it parses: it says which files to bring.</param>
    /// <param name="sourceFolder">The store folder the order's relative paths start from (ending in '/'), or null when there are no files to copy.</param>
    /// <param name="cancellationToken">Cancels the staging.</param>
    public async Task<string> StageAsync(string filmId, string orderText, string extension, FilmOrder? order, string? sourceFolder, CancellationToken cancellationToken)
    {
        var orderName = StoreLayout.OrderFile(filmId, "order" + extension);
        try
        {
            await StagedOrders.ClaimAsync(store, orderName, orderText, extension == OrderFormat.Json ? "application/json" : "application/yaml", cancellationToken);
        }
        catch (FilmIdTakenException taken)
        {
            throw new OrderStagingException(taken.Message);
        }

        if (order is null) return orderName;

        var fetched = new Dictionary<string, FetchedImage>(StringComparer.Ordinal);
        SafeImageFetcher? fetcher = null;
        try
        {
            foreach (var (field, path) in order.ReferencedFiles())
            {
                if (RemoteImages.IsUrl(path))
                {
                    if (fetched.ContainsKey(path)) continue;
                    fetcher ??= fetcherFactory?.Invoke() ?? new SafeImageFetcher();
                    fetched[path] = await FetchAsync(filmId, field, path, fetcher, cancellationToken);
                }
                else if (sourceFolder is not null && StoreLayout.IsSafeRelativePath(path) && await store.ExistsAsync(sourceFolder + path, cancellationToken))
                {
                    await using var content = await store.OpenReadAsync(sourceFolder + path, cancellationToken);
                    await store.PutAsync(StoreLayout.OrderFile(filmId, path), content, ContentTypes.Of(path), overwrite: true, cancellationToken);
                }
            }
        }
        finally
        {
            fetcher?.Dispose();
        }

        if (fetched.Count > 0) await RemoteImages.WriteIndexAsync(store, filmId, fetched.Values, cancellationToken);
        return orderName;
    }

    private async Task<FetchedImage> FetchAsync(string filmId, string field, string url, SafeImageFetcher fetcher, CancellationToken cancellationToken)
    {
        using var image = new MemoryStream();
        FetchedImageInfo info;
        try
        {
            info = await fetcher.FetchAsync(new Uri(url), image, cancellationToken);
        }
        catch (ImageFetchException refused)
        {
            throw new OrderStagingException($"{field}: {refused.Message}");
        }

        var file = RemoteImages.FileFor(info.Sha256, ImageSniffer.ExtensionOf(info.ContentType));
        image.Position = 0;
        await store.PutAsync(StoreLayout.OrderFile(filmId, file), image, info.ContentType, overwrite: false, cancellationToken);
        return new FetchedImage(url, file, info.Bytes, info.ContentType, info.Sha256);
    }
}

/// <summary>The order could not be staged (a reference image could not be fetched safely); the message names the field.</summary>
public sealed class OrderStagingException(string message) : Exception(message);
