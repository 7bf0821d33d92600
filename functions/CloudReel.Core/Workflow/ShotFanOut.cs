using Microsoft.DurableTask;
namespace CloudReel.Core.Workflow;

/// <summary>
/// Runs one <see cref="ShotOrchestration"/> per shot, never more at once for a model than its
/// concurrency cap allows, starting shots in film order as slots free up. The shots of a sequence run
/// one after another, each continuing from the clip before it; different sequences, and shots in none,
/// run side by side.
/// </summary>
internal static class ShotFanOut
{
    private const int DefaultCap = 2;

    public static async Task<IReadOnlyList<ShotOutcome>> RunAsync(
        TaskOrchestrationContext context, string filmId, PlannedFilm plan, Action<IReadOnlyCollection<ShotOutcome>> onProgress, Action<ShotOutcome>? onShotDone = null)
    {
        var outcomes = new Dictionary<string, ShotOutcome>();
        var order = plan.Order;
        var ready = new List<(int Index, PreviousClip? Previous)>();
        for (var i = 0; i < plan.Shots.Count; i++)
        {
            if (!order.ContinuesSequence(i)) ready.Add((i, null));
        }

        void Finish(ShotOutcome outcome)
        {
            outcomes[outcome.ShotId] = outcome;
            onShotDone?.Invoke(outcome);
        }

        var running = new Dictionary<Task<ShotOutcome>, (string Model, int Index)>();
        var inFlight = new Dictionary<string, int>();
        while (ready.Count > 0 || running.Count > 0)
        {
            foreach (var (index, previous) in ready.OrderBy(r => r.Index).ToList())
            {
                var shot = plan.Shots[index];
                if (shot.Chain.Count == 0 && shot.Own is null)
                {
                    ready.Remove((index, previous));
                    Finish(new ShotOutcome { ShotId = shot.Shot.Id, Source = ShotSource.Failed });
                    FailRestOfSequence(plan, index, Finish);
                    continue;
                }

                var model = shot.Own is null ? shot.Chain[0].Model : OwnClip.Maker;
                var cap = plan.ModelConcurrency.TryGetValue(model, out var c) ? Math.Max(1, c) : DefaultCap;
                if (inFlight.GetValueOrDefault(model) >= cap) continue;

                inFlight[model] = inFlight.GetValueOrDefault(model) + 1;
                ready.Remove((index, previous));
                var task = context.CallSubOrchestratorAsync<ShotOutcome>(
                    nameof(ShotOrchestration),
                    new ShotInput(filmId, shot.Shot.Id, shot.Chain, order.Budget, previous, QaFor(plan, shot), shot.Own),
                    new SubOrchestrationOptions { InstanceId = ShotOrchestration.InstanceIdFor(filmId, shot.Shot.Id) });
                running[task] = (model, index);
            }

            if (running.Count == 0) continue;
            var done = await Task.WhenAny(running.Keys);
            var (doneModel, doneIndex) = running[done];
            inFlight[doneModel]--;
            running.Remove(done);
            var outcome = await OutcomeOf(done, plan.Shots[doneIndex].Shot.Id);
            Finish(outcome);
            if (order.ContinuesSequence(doneIndex + 1))
            {
                if (outcome.Clip is { } clip) ready.Add((doneIndex + 1, new PreviousClip(outcome.ShotId, clip.ContentKey, clip.Sha256)));
                else FailRestOfSequence(plan, doneIndex, Finish);
            }

            onProgress(outcomes.Values);
        }

        return plan.Shots.Select(s => outcomes[s.Shot.Id]).ToList();
    }

    /// <summary>How the shot's clips are checked, with its cast and the film's look for the judge; null when the order checks nothing.</summary>
    private static ShotQa? QaFor(PlannedFilm plan, PlannedShot shot)
    {
        var order = plan.Order;
        if (order.Qa.Checks.Count == 0) return null;
        var cast = shot.Shot.Cast.Select(id => order.Characters.FirstOrDefault(c => c.Id == id)).OfType<Orders.CastMember>().ToList();
        return new ShotQa(order.Qa, cast, order.Style, order.LookPictures);
    }

    /// <summary>The shots after <paramref name="index"/> in its sequence cannot start without its last frame.</summary>
    private static void FailRestOfSequence(PlannedFilm plan, int index, Action<ShotOutcome> finish)
    {
        var failed = plan.Shots[index].Shot;
        for (var next = index + 1; plan.Order.ContinuesSequence(next); next++)
        {
            finish(new ShotOutcome
            {
                ShotId = plan.Shots[next].Shot.Id,
                Source = ShotSource.Failed,
                Error = $"not made: it continues sequence '{failed.Sequence}' from shot '{failed.Id}', which failed",
            });
        }
    }

    /// <summary>A shot orchestration that crashed is a failed shot, not a crashed film.</summary>
    private static async Task<ShotOutcome> OutcomeOf(Task<ShotOutcome> finished, string shotId)
    {
        try
        {
            return await finished;
        }
        catch (TaskFailedException failure)
        {
            return new ShotOutcome { ShotId = shotId, Source = ShotSource.Failed, Error = failure.FailureDetails.ErrorMessage };
        }
    }
}
