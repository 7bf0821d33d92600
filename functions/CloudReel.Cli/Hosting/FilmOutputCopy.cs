using CloudReel.Core.Ports;

namespace CloudReel.Cli.Hosting;

/// <summary>
/// Brings a film's outputs from a remote clip store (films/&lt;film-id&gt;/ in Blob Storage) into its
/// local output folder, so `render` ends with the film where its user looks, whatever the store.
/// </summary>
public static class FilmOutputCopy
{
    public static async Task<int> DownloadAsync(IClipStore store, string filmId, string folder, CancellationToken cancellationToken)
    {
        var prefix = StoreLayout.FilmFolder(filmId);
        var names = await store.ListAsync(prefix, cancellationToken);
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name[prefix.Length..].Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var content = await store.OpenReadAsync(name, cancellationToken);
            await using var file = File.Create(path);
            await content.CopyToAsync(file, cancellationToken);
        }

        return names.Count;
    }
}
