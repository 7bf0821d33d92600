using CloudReel.Core.Orders;
using CloudReel.Core.Ports;

namespace CloudReel.Cli.Orders;

/// <summary>
/// Copies an order file and every file it refers to into the store under orders/&lt;film-id&gt;/,
/// so the film is made from exactly what was ordered, even if the files change later.
/// </summary>
public static class OrderStager
{
    public static async Task<string> StageAsync(IClipStore store, string filmId, string orderPath, FilmOrder order, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(orderPath))!;
        // The order keeps only its extension (it decides YAML or JSON); its name may be anything.
        var orderName = StoreLayout.OrderFile(filmId, "order" + Path.GetExtension(orderPath).ToLowerInvariant());
        await CopyAsync(store, orderPath, orderName, cancellationToken);
        foreach (var (_, relative) in order.ReferencedFiles())
        {
            await CopyAsync(store, Path.Combine(directory, relative), StoreLayout.OrderFile(filmId, relative), cancellationToken);
        }

        return orderName;
    }

    private static async Task CopyAsync(IClipStore store, string path, string name, CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(path);
        await store.PutAsync(name, content, ContentTypes.Of(path), overwrite: true, cancellationToken);
    }
}
