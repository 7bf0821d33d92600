using CloudReel.Core.Orders;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Intake;

/// <summary>
/// Stages an order in the store under orders/&lt;film-id&gt;/ as the workflow expects it: the order text,
/// every file it names copied from where the order came from (<see cref="IOrderSource"/>), and
/// reference-image URLs fetched once, safely, content-addressed under _fetched/ with an index the
/// workflow reads. The film is then made from exactly what was ordered, even if the files change later.
/// </summary>
public sealed class OrderStaging(IClipStore store, IReferenceImageFetcher fetcher)
{
    /// <summary>Writes the order and its files; returns the order's store name. Files missing at the source are left for validation to report.</summary>
    /// <param name="filmId">The film to stage for.</param>
    /// <param name="order">The order as sent.</param>
    /// <param name="parsed">The parsed order, when it parses: it says which files to bring.</param>
    /// <param name="source">Where the order's relative paths are read from.</param>
    /// <param name="cancellationToken">Cancels the staging.</param>
    /// <exception cref="OrderStagingException">A reference image could not be fetched safely.</exception>
    public async Task<string> StageAsync(string filmId, OrderDocument order, FilmOrder? parsed, IOrderSource source, CancellationToken cancellationToken)
    {
        var orderName = StoreLayout.OrderFile(filmId, "order" + order.Extension);
        try
        {
            await StagedOrders.ClaimAsync(store, orderName, order.Text, order.ContentType, cancellationToken);
        }
        catch (FilmIdTakenException taken)
        {
            throw new OrderStagingException(taken.Message);
        }

        if (parsed is null) return orderName;

        var fetched = new Dictionary<string, FetchedImage>(StringComparer.Ordinal);
        foreach (var (field, path) in parsed.ReferencedFiles())
        {
            if (RemoteImages.IsUrl(path))
            {
                if (!fetched.ContainsKey(path)) fetched[path] = await FetchAsync(filmId, order.Where(field), path, cancellationToken);
            }
            else if (await source.OpenReadAsync(path, cancellationToken) is { } content)
            {
                await using (content)
                {
                    await store.PutAsync(StoreLayout.OrderFile(filmId, path), content, ContentTypes.Of(path), overwrite: true, cancellationToken);
                }
            }
        }

        if (fetched.Count > 0) await RemoteImages.WriteIndexAsync(store, filmId, fetched.Values, cancellationToken);
        return orderName;
    }

    private async Task<FetchedImage> FetchAsync(string filmId, string where, string url, CancellationToken cancellationToken)
    {
        using var image = new MemoryStream();
        FetchedImageInfo info;
        try
        {
            info = await fetcher.FetchAsync(new Uri(url), image, cancellationToken);
        }
        catch (ImageFetchException refused)
        {
            throw new OrderStagingException($"{where}: {refused.Message}");
        }

        var file = RemoteImages.FileFor(info.Sha256, info.Extension);
        image.Position = 0;
        await store.PutAsync(StoreLayout.OrderFile(filmId, file), image, info.ContentType, overwrite: false, cancellationToken);
        return new FetchedImage(url, file, info.Bytes, info.ContentType, info.Sha256);
    }
}

/// <summary>The order could not be staged (a reference image could not be fetched safely); the message names the order's file and field.</summary>
public sealed class OrderStagingException(string message) : Exception(message);
