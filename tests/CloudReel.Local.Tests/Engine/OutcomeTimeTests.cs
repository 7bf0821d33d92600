using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

/// <summary>
/// An outcome's history event carries the time it happened, not the time the busy dispatcher journaled it,
/// so the time an instance waits for the engine shows in its history as the engine's (bench/batch reads it).
/// </summary>
public sealed class OutcomeTimeTests : EngineTestBase
{
    [Fact]
    public async Task ActivityOutcome_QueuedWhileTheDispatcherIsBusy_IsJournaledAtTheTimeTheActivityFinished()
    {
        using var renderMayEnd = new ManualResetEventSlim();
        using var blockerEntered = new ManualResetEventSlim();
        using var dispatcherMayGoOn = new ManualResetEventSlim();
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Film", (ctx, shot) => ctx.CallActivityAsync<string>("Render", shot))
            .AddActivityFunc<string, string>("Render", (_, shot) =>
            {
                renderMayEnd.Wait(TimeSpan.FromSeconds(30));
                return $"clip({shot})";
            })
            .AddOrchestratorFunc<string, string>("Blocker", (_, input) =>
            {
                // Orchestrator code runs on the dispatcher thread: holding it here keeps the dispatcher busy.
                blockerEntered.Set();
                dispatcherMayGoOn.Wait(TimeSpan.FromSeconds(30));
                return input;
            });
        var engine = await OpenAsync(registry);
        var finishedAt = Clock.UtcNow;

        await engine.StartAsync("Film", "film-1", "dawn");
        await EventuallyAsync(() => Task.FromResult(engine.ActivitiesInFlight == 1), "the render runs");
        await engine.StartAsync("Blocker", "blocker", "held");
        blockerEntered.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();
        renderMayEnd.Set();
        await EventuallyAsync(() => Task.FromResult(engine.ActivitiesInFlight == 0), "the render's outcome is queued to the dispatcher");
        Clock.Advance(TimeSpan.FromMinutes(1));
        dispatcherMayGoOn.Set();
        (await CompletionAsync(engine, "film-1")).ReadOutputAs<string>().Should().Be("clip(dawn)");

        var history = await engine.GetHistoryAsync("film-1");
        history.Single(e => e.Kind == "TaskCompleted").TimestampUtc.Should().Be(finishedAt);
        history.Last(e => e.Kind == "OrchestratorStarted").TimestampUtc.Should().Be(finishedAt.AddMinutes(1));
    }
}
