using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;

namespace CloudReel.Bench.Batch;

/// <summary>
/// What a finished batch's journal says about where time went: per instance, the time it had nothing
/// outstanding (no activity, sub-orchestration or timer: the engine replaying, deciding and journaling);
/// the activities' busy time (outstanding activities, at most the engine's activity workers at once);
/// and the slowest film's span.
/// </summary>
internal sealed record JournalFigures(int Shots, double EngineSeconds, double ActivitySeconds, double SlowestFilmSeconds)
{
    public static async Task<JournalFigures> ReadAsync(
        LocalWorkflowEngine journal, int activityWorkers, string shotOrchestrationName = nameof(ShotOrchestration), string filmOrchestrationName = nameof(FilmOrchestration))
    {
        var engine = 0.0;
        var activities = new List<(DateTime Start, DateTime End)>();
        var slowestFilm = 0.0;
        var shots = 0;
        foreach (var instance in await journal.ListInstancesAsync())
        {
            var history = await journal.GetHistoryAsync(instance.InstanceId);
            if (history.Count == 0) continue;
            var span = (history[^1].TimestampUtc - history[0].TimestampUtc).TotalSeconds;
            if (instance.Name == shotOrchestrationName) shots++;
            if (instance.Name == filmOrchestrationName) slowestFilm = Math.Max(slowestFilm, span);

            var outstanding = new List<(DateTime Start, DateTime End)>();
            var open = new Dictionary<int, (DateTime Start, bool Activity)>();
            foreach (var e in history)
            {
                switch (e.Kind)
                {
                    case "TaskScheduled" when e.TaskId is { } id:
                        open[id] = (e.TimestampUtc, true);
                        break;
                    case "SubOrchestrationInstanceCreated" or "TimerCreated" when e.TaskId is { } id:
                        open[id] = (e.TimestampUtc, false);
                        break;
                    case "TaskCompleted" or "TaskFailed" or "SubOrchestrationInstanceCompleted" or "SubOrchestrationInstanceFailed" or "TimerFired"
                        when e.TaskId is { } id && open.Remove(id, out var started):
                        outstanding.Add((started.Start, e.TimestampUtc));
                        if (started.Activity) activities.Add((started.Start, e.TimestampUtc));
                        break;
                }
            }

            engine += span - Union(outstanding);
        }

        return new JournalFigures(shots, engine, BusyWorkerSeconds(activities, activityWorkers), slowestFilm);
    }

    /// <summary>The length of the union of the intervals.</summary>
    private static double Union(List<(DateTime Start, DateTime End)> intervals)
    {
        var total = 0.0;
        DateTime? start = null, end = null;
        foreach (var (s, e) in intervals.OrderBy(i => i.Start))
        {
            if (end is null || s > end)
            {
                if (end is not null) total += (end.Value - start!.Value).TotalSeconds;
                (start, end) = (s, e);
            }
            else if (e > end)
            {
                end = e;
            }
        }

        return end is null ? total : total + (end.Value - start!.Value).TotalSeconds;
    }

    /// <summary>∫ min(activities outstanding, workers) dt: an outstanding activity beyond the workers waits for one, it does not run.</summary>
    private static double BusyWorkerSeconds(List<(DateTime Start, DateTime End)> activities, int workers)
    {
        var edges = activities.SelectMany(a => new[] { (a.Start, +1), (a.End, -1) }).OrderBy(e => e.Item1).ThenBy(e => e.Item2).ToList();
        var busy = 0.0;
        var count = 0;
        for (var i = 0; i < edges.Count; i++)
        {
            if (i > 0) busy += Math.Min(count, workers) * (edges[i].Item1 - edges[i - 1].Item1).TotalSeconds;
            count += edges[i].Item2;
        }

        return busy;
    }
}
