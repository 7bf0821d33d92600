using CloudReel.Azure.Security;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Local.Orders;

namespace CloudReel.Cli.Orders;

/// <summary>
/// Copies an order file and every file it refers to into the store under orders/&lt;film-id&gt;/,
/// so the film is made from exactly what was ordered, even if the files change later. Files are read
/// through <see cref="OrderFolder"/>: inside the order's folder, regular files, capped by their field's limit. Reference
/// images given as https URLs are fetched once, safely (<see cref="SafeImageFetcher"/>), and kept
/// content-addressed under _fetched/ with an index the workflow reads.
/// </summary>
public static class OrderStager
{
    public static async Task<string> StageAsync(
        IClipStore store, string filmId, string orderPath, FilmOrder order, CancellationToken cancellationToken, SafeImageFetcher? fetcher = null)
    {
        var folder = OrderFolder.Of(orderPath);
        // The order keeps only its extension (it decides YAML or JSON); its name may be anything.
        var orderName = StoreLayout.OrderFile(filmId, "order" + Path.GetExtension(orderPath).ToLowerInvariant());
        var orderText = await OrderFolder.ReadOrderTextAsync(orderPath, OrderLimits.OrderBytes, cancellationToken);
        try
        {
            await StagedOrders.ClaimAsync(store, orderName, orderText, ContentTypes.Of(orderPath), cancellationToken);
        }
        catch (FilmIdTakenException taken)
        {
            throw new OrderStagingException(taken.Message);
        }

        var fetched = new Dictionary<string, FetchedImage>(StringComparer.Ordinal);
        SafeImageFetcher? ownFetcher = null;
        try
        {
            foreach (var (field, relative) in order.ReferencedFiles())
            {
                if (!RemoteImages.IsUrl(relative))
                {
                    await using var content = folder.OpenRead(relative, OrderLimits.FileBytes(field));
                    await store.PutAsync(StoreLayout.OrderFile(filmId, relative), content, ContentTypes.Of(relative), overwrite: true, cancellationToken);
                }
                else if (!fetched.ContainsKey(relative))
                {
                    fetcher ??= ownFetcher = new SafeImageFetcher();
                    fetched[relative] = await FetchAsync(store, filmId, $"{Path.GetFileName(orderPath)}: {field}", relative, fetcher, cancellationToken);
                }
            }
        }
        finally
        {
            ownFetcher?.Dispose();
        }

        if (fetched.Count > 0) await RemoteImages.WriteIndexAsync(store, filmId, fetched.Values, cancellationToken);
        return orderName;
    }

    private static async Task<FetchedImage> FetchAsync(IClipStore store, string filmId, string where, string url, SafeImageFetcher fetcher, CancellationToken cancellationToken)
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

        var file = RemoteImages.FileFor(info.Sha256, ImageSniffer.ExtensionOf(info.ContentType));
        image.Position = 0;
        await store.PutAsync(StoreLayout.OrderFile(filmId, file), image, info.ContentType, overwrite: false, cancellationToken);
        return new FetchedImage(url, file, info.Bytes, info.ContentType, info.Sha256);
    }
}

/// <summary>The order could not be staged (e.g. a reference image could not be fetched safely); the message names the file and field.</summary>
public sealed class OrderStagingException(string message) : Exception(message);
