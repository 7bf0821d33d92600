using System.Text.RegularExpressions;
using CloudReel.Cli.Hosting;
using CloudReel.Core.Ports;
using CloudReel.Core.Text;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Batches;

/// <summary>
/// Puts a finished batch where its user looks: &lt;-o&gt;/&lt;batch-id&gt;/ holds batch-report.json and .csv,
/// and one folder per row named by the row's key with that row's film (a link to the film's own folder
/// &lt;-o&gt;/&lt;film-id&gt;/ on a folder store; a copy from a remote store).
/// </summary>
public static partial class BatchOutputs
{
    public static async Task<int> PlaceAsync(IClipStore store, StoreLocation? location, BatchEntry batch, IEnumerable<BatchFilm> completed, CancellationToken cancellationToken)
    {
        var remote = location is { Kind: not StoreKind.Folder };
        if (remote) await FilmOutputCopy.DownloadAsync(store, batch.BatchId, batch.OutputFolder, cancellationToken);
        Directory.CreateDirectory(batch.OutputFolder);
        var placed = 0;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in completed)
        {
            var name = FolderName(row, used);
            var target = Path.Combine(batch.OutputFolder, name);
            if (remote)
            {
                await FilmOutputCopy.DownloadAsync(store, row.Film.FilmId, target, cancellationToken);
            }
            else if (!Directory.Exists(target) && !File.Exists(target))
            {
                Directory.CreateSymbolicLink(target, Path.Combine("..", row.Film.FilmId));
            }

            placed++;
        }

        return placed;
    }

    /// <summary>The row's key when it is a safe, unused folder name (any script); else its row number and a slug of it.</summary>
    private static string FolderName(BatchFilm row, HashSet<string> used)
    {
        var name = SafeName().IsMatch(row.Key) && !row.Key.StartsWith("batch-report", StringComparison.OrdinalIgnoreCase) ? row.Key : $"{row.Row}-{Slug.From(row.Key, 40, "row")}";
        if (!used.Add(name)) used.Add(name = $"{row.Row}-{name}");
        return name;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_](?:[\p{L}\p{N} ._()-]{0,78}[\p{L}\p{N}_()-])?$")]
    private static partial Regex SafeName();
}
