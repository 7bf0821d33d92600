using CloudReel.Cli.Progress;
using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;

namespace CloudReel.Cli.Batches;

/// <summary>A batch at one moment: its progress (rows done, running, failed, cost so far) and, on request, each running film in detail.</summary>
public sealed record BatchSnapshot(BatchEntry Batch, InstanceInfo? Instance, BatchProgress? Progress, IReadOnlyList<(BatchFilm Row, FilmSnapshot Film)> Running)
{
    public static async Task<BatchSnapshot> ReadAsync(LocalWorkflowEngine engine, BatchEntry batch, bool detail, CancellationToken cancellationToken)
    {
        var instance = await engine.GetInstanceAsync(batch.BatchId, cancellationToken);
        var progress = instance is null ? null : ReadProgress(instance);
        var running = new List<(BatchFilm, FilmSnapshot)>();
        if (progress is not null)
        {
            for (var i = 0; i < progress.RowStates.Length && i < batch.Films.Count; i++)
            {
                if (progress.RowStates[i] != BatchRowStates.Running) continue;
                var film = detail
                    ? await FilmSnapshot.ReadAsync(engine, batch.Films[i].Film.FilmId, cancellationToken)
                    : await FilmOnlyAsync(engine, batch.Films[i].Film.FilmId, cancellationToken);
                running.Add((batch.Films[i], film));
            }
        }

        return new BatchSnapshot(batch, instance, progress, running);
    }

    /// <summary>The film's stage without its shots (cheaper: no listing of its shot instances).</summary>
    private static async Task<FilmSnapshot> FilmOnlyAsync(LocalWorkflowEngine engine, string filmId, CancellationToken cancellationToken)
    {
        var film = await engine.GetInstanceAsync(filmId, cancellationToken);
        FilmProgress? progress = null;
        try
        {
            progress = film?.ReadCustomStatusAs<FilmProgress>();
        }
        catch (System.Text.Json.JsonException)
        {
            // A status written by an older version: shown without its stage.
        }

        return new FilmSnapshot(film, progress, []);
    }

    private static BatchProgress? ReadProgress(InstanceInfo instance)
    {
        try
        {
            return instance.ReadCustomStatusAs<BatchProgress>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
