using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;

namespace CloudReel.Cli.Progress;

/// <summary>A film and its shots as the journal shows them at one moment.</summary>
public sealed record FilmSnapshot(InstanceInfo? Film, FilmProgress? Progress, IReadOnlyList<ShotSnapshot> Shots)
{
    public static async Task<FilmSnapshot> ReadAsync(LocalWorkflowEngine engine, string filmId, CancellationToken cancellationToken)
    {
        var instances = await engine.ListInstancesAsync(filmId, cancellationToken);
        var film = instances.FirstOrDefault(i => i.InstanceId == filmId);
        var shotPrefix = ShotOrchestration.InstanceIdFor(filmId, "");
        var shots = instances
            .Where(i => i.InstanceId.StartsWith(shotPrefix, StringComparison.Ordinal))
            .Select(i => new ShotSnapshot(i.InstanceId[shotPrefix.Length..], i.Status, SafeRead<ShotProgress>(i)))
            .ToList();
        return new FilmSnapshot(film, film is null ? null : SafeRead<FilmProgress>(film), shots);
    }

    private static T? SafeRead<T>(InstanceInfo instance)
        where T : class
    {
        try
        {
            return instance.ReadCustomStatusAs<T>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

public sealed record ShotSnapshot(string ShotId, InstanceStatus Status, ShotProgress? Progress);
