using Microsoft.DurableTask;
namespace CloudReel.Core.Workflow;

/// <summary>
/// Runs one <see cref="ShotOrchestration"/> per shot, never more at once for a model than its
/// concurrency cap allows, starting shots in film order as slots free up.
/// </summary>
internal static class ShotFanOut
{
    private const int DefaultCap = 2;

    public static async Task<IReadOnlyList<ShotOutcome>> RunAsync(
        TaskOrchestrationContext context, string filmId, PlannedFilm plan, Action<IReadOnlyCollection<ShotOutcome>> onProgress, Action<ShotOutcome>? onShotDone = null)
    {
        var outcomes = new Dictionary<string, ShotOutcome>();
        var waiting = new List<PlannedShot>();
        foreach (var shot in plan.Shots)
        {
            if (shot.Chain.Count > 0) waiting.Add(shot);
            else
            {
                outcomes[shot.Shot.Id] = new ShotOutcome { ShotId = shot.Shot.Id, Source = ShotSource.Failed };
                onShotDone?.Invoke(outcomes[shot.Shot.Id]);
            }
        }

        var running = new Dictionary<Task<ShotOutcome>, (string Model, string ShotId)>();
        var inFlight = new Dictionary<string, int>();
        while (waiting.Count > 0 || running.Count > 0)
        {
            foreach (var shot in waiting.ToList())
            {
                var model = shot.Chain[0].Model;
                var cap = plan.ModelConcurrency.TryGetValue(model, out var c) ? Math.Max(1, c) : DefaultCap;
                if (inFlight.GetValueOrDefault(model) >= cap) continue;

                inFlight[model] = inFlight.GetValueOrDefault(model) + 1;
                waiting.Remove(shot);
                var task = context.CallSubOrchestratorAsync<ShotOutcome>(
                    nameof(ShotOrchestration),
                    new ShotInput(filmId, shot.Shot.Id, shot.Chain, plan.Order.Budget),
                    new SubOrchestrationOptions { InstanceId = ShotOrchestration.InstanceIdFor(filmId, shot.Shot.Id) });
                running[task] = (model, shot.Shot.Id);
            }

            var done = await Task.WhenAny(running.Keys);
            var (doneModel, doneShot) = running[done];
            inFlight[doneModel]--;
            running.Remove(done);
            outcomes[doneShot] = await OutcomeOf(done, doneShot);
            onProgress(outcomes.Values);
            onShotDone?.Invoke(outcomes[doneShot]);
        }

        return plan.Shots.Select(s => outcomes[s.Shot.Id]).ToList();
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
