using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Orders;

/// <summary>
/// Reference images given as https URLs (shots[].image only). They are fetched once, safely, when
/// the order is staged, and kept content-addressed beside it: orders/&lt;film-id&gt;/_fetched/&lt;sha256&gt;.&lt;ext&gt;,
/// with _fetched/index.json saying which URL became which file. Order paths can never start with
/// '_', so these names never meet a file of the order.
/// </summary>
public static class RemoteImages
{
    public const int MaxUrlLength = 2000;
    public const string Folder = "_fetched";
    public const string IndexFile = Folder + "/index.json";

    public static bool IsUrl(string path) => path.Contains("://", StringComparison.Ordinal);

    /// <summary>The staged file of an image with this content hash and extension, relative to the order.</summary>
    public static string FileFor(string sha256, string extension) => $"{Folder}/{sha256}{extension}";

    public static async Task<IReadOnlyDictionary<string, FetchedImage>> ReadIndexAsync(IClipStore store, string filmId, CancellationToken cancellationToken)
    {
        var name = StoreLayout.OrderFile(filmId, IndexFile);
        if (!await store.ExistsAsync(name, cancellationToken)) return new Dictionary<string, FetchedImage>();
        var entries = WorkflowJson.Deserialize<List<FetchedImage>>(await store.ReadTextAsync(name, cancellationToken)) ?? [];
        return entries.Where(e => StoreLayout.IsSafeRelativePath(e.File) && e.File.StartsWith(Folder + "/", StringComparison.Ordinal))
            .ToDictionary(e => e.Url, StringComparer.Ordinal);
    }

    public static Task WriteIndexAsync(IClipStore store, string filmId, IEnumerable<FetchedImage> images, CancellationToken cancellationToken) =>
        store.PutTextAsync(StoreLayout.OrderFile(filmId, IndexFile), WorkflowJson.Serialize(images.ToList()), "application/json", overwrite: true, cancellationToken);
}

/// <summary>One fetched reference image: its URL in the order, its staged file (relative to the order), size, type and hash.</summary>
public sealed record FetchedImage(string Url, string File, long Bytes, string ContentType, string Sha256);
