using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;

namespace CloudReel.Bench.Batch;

/// <summary>
/// What a finished batch's journal says about where time went. An instance waits on the engine while it
/// has nothing outstanding (no activity, sub-orchestration or timer): from an outcome (stamped when it
/// happened, not when the engine got to it) to the next actions journaled, which covers the dispatcher's
/// queue, the orchestrator code, journal commits and the hand-offs to and from a child (a child's time
/// runs from its creation in its parent's episode). <see cref="EngineSeconds"/> sums those waits over
/// instances (latency: two instances queued together both count); <see cref="EngineBusySeconds"/> is their
/// union (the wall time during which some instance waited on the engine). An activity waiting for one of
/// the engine's activity workers counts as outstanding (capacity asked for, not the engine's cost), and so
/// does a shot waiting on a durable timer for a model slot. <see cref="ActivitySeconds"/>: outstanding
/// activities, at most the engine's activity workers at once. And the slowest film's span.
/// </summary>
internal sealed record JournalFigures(int Shots, double EngineSeconds, double EngineBusySeconds, double ActivitySeconds, double SlowestFilmSeconds)
{
    public static async Task<JournalFigures> ReadAsync(
        LocalWorkflowEngine journal, int activityWorkers, string shotOrchestrationName = nameof(ShotOrchestration), string filmOrchestrationName = nameof(FilmOrchestration))
    {
        var waits = new List<(DateTime Start, DateTime End)>();
        var activities = new List<(DateTime Start, DateTime End)>();
        var slowestFilm = 0.0;
        var shots = 0;
        foreach (var instance in await journal.ListInstancesAsync())
        {
            var history = await journal.GetHistoryAsync(instance.InstanceId);
            if (history.Count == 0) continue;
            var begun = instance.CreatedUtc < history[0].TimestampUtc ? instance.CreatedUtc : history[0].TimestampUtc;
            var ended = history[^1].TimestampUtc;
            if (instance.Name == shotOrchestrationName) shots++;
            if (instance.Name == filmOrchestrationName) slowestFilm = Math.Max(slowestFilm, (ended - begun).TotalSeconds);

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

            waits.AddRange(Gaps(begun, ended, Merge(outstanding)));
        }

        return new JournalFigures(
            shots,
            waits.Sum(w => (w.End - w.Start).TotalSeconds),
            Merge(waits).Sum(w => (w.End - w.Start).TotalSeconds),
            BusyWorkerSeconds(activities, activityWorkers),
            slowestFilm);
    }

    /// <summary>The intervals merged where they overlap, in order.</summary>
    private static List<(DateTime Start, DateTime End)> Merge(List<(DateTime Start, DateTime End)> intervals)
    {
        var merged = new List<(DateTime Start, DateTime End)>();
        foreach (var (start, end) in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                if (end > merged[^1].End) merged[^1] = (merged[^1].Start, end);
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }

    /// <summary>The parts of [from, to] that none of the (merged, ordered) intervals covers.</summary>
    private static IEnumerable<(DateTime Start, DateTime End)> Gaps(DateTime from, DateTime to, List<(DateTime Start, DateTime End)> covered)
    {
        var at = from;
        foreach (var (start, end) in covered)
        {
            if (start > at) yield return (at, start < to ? start : to);
            if (end > at) at = end;
        }

        if (to > at) yield return (at, to);
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
