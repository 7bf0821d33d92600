using System.Diagnostics;
using CloudReel.Local.Engine;
using Microsoft.DurableTask;

namespace CloudReel.Bench.Batch;

/// <summary>
/// The engine alone: a batch of films shaped like the real one (a batch orchestration starting films a few
/// at a time; each film runs a few steps, fans out three shot sub-orchestrations and finishes with a few
/// more; each shot runs three steps and sets its status), where every activity returns at once. What is
/// left is the engine's own time: dispatch, replay, journal commits, the hand-offs between parent and child.
/// </summary>
internal static class EngineOnly
{
    private const int ShotsPerFilm = 3;

    public static async Task<(double WallSeconds, JournalFigures Figures)> RunAsync(string journalPath, int films, int filmsAtOnce)
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<int, int>("Batch", async (ctx, count) =>
            {
                var running = new List<Task<int>>();
                var done = 0;
                for (var i = 0; i < count; i++)
                {
                    if (running.Count == filmsAtOnce)
                    {
                        var finished = await Task.WhenAny(running);
                        running.Remove(finished);
                        done += await finished;
                    }

                    running.Add(ctx.CallSubOrchestratorAsync<int>("Film", i, new SubOrchestrationOptions { InstanceId = $"film-{i}" }));
                }

                foreach (var film in running) done += await film;
                await ctx.CallActivityAsync<int>("Step", 0);
                return done;
            })
            .AddOrchestratorFunc<int, int>("Film", async (ctx, film) =>
            {
                foreach (var step in new[] { 1, 2, 3 }) await ctx.CallActivityAsync<int>("Step", step);
                var shots = Enumerable.Range(0, ShotsPerFilm)
                    .Select(s => ctx.CallSubOrchestratorAsync<int>("Shot", s, new SubOrchestrationOptions { InstanceId = $"film-{film}.shot-{s}" }))
                    .ToList();
                await Task.WhenAll(shots);
                foreach (var step in new[] { 4, 5 }) await ctx.CallActivityAsync<int>("Step", step);
                return 1;
            })
            .AddOrchestratorFunc<int, int>("Shot", async (ctx, shot) =>
            {
                foreach (var step in new[] { 1, 2, 3 })
                {
                    ctx.SetCustomStatus(step);
                    await ctx.CallActivityAsync<int>("Step", step);
                }

                return shot;
            })
            .AddActivityFunc<int, int>("Step", (_, step) => step);

        await using var engine = await LocalWorkflowEngine.OpenAsync(new LocalEngineOptions { JournalPath = journalPath }, registry);
        var clock = Stopwatch.StartNew();
        await engine.StartAsync("Batch", "batch", films);
        var info = await engine.WaitForCompletionAsync("batch");
        var wall = clock.Elapsed.TotalSeconds;
        if (info.Status != InstanceStatus.Completed) throw new InvalidOperationException($"The engine-only batch ended {info.Status}.");
        return (wall, await JournalFigures.ReadAsync(engine, activityWorkers: 4, shotOrchestrationName: "Shot", filmOrchestrationName: "Film"));
    }
}
