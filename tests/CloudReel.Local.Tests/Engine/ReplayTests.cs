using CloudReel.Local.Engine.Runtime;
using CloudReel.Local.Engine;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

public sealed class ReplayTests : EngineTestBase
{
    private sealed record Stamp(DateTime Time, Guid First, Guid Second);

    private sealed record Result(Stamp Before, DateTime AfterTime, Guid AfterGuid);

    [Fact]
    public async Task ResumeAsync_AfterARestart_ReplaysTheSameCurrentUtcDateTimeAndNewGuids()
    {
        var replayedStarts = 0;
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, Result>("Stamped", async (ctx, _) =>
            {
                if (ctx.IsReplaying) Interlocked.Increment(ref replayedStarts);
                var before = new Stamp(ctx.CurrentUtcDateTime, ctx.NewGuid(), ctx.NewGuid());
                ctx.SetCustomStatus(before);
                await ctx.WaitForExternalEvent<string>("Go");
                return new Result(before, ctx.CurrentUtcDateTime, ctx.NewGuid());
            });
        var first = await OpenAsync(registry);
        await first.StartAsync("Stamped", "stamp-1", null);
        await EventuallyAsync(async () => (await first.GetInstanceAsync("stamp-1"))?.SerializedCustomStatus is not null, "the stamp is visible");
        var beforeRestart = (await first.GetInstanceAsync("stamp-1"))!.ReadCustomStatusAs<Stamp>()!;
        await first.DisposeAsync();

        Clock.Advance(TimeSpan.FromHours(1));
        var second = await OpenAsync(registry);
        await second.ResumeAsync("stamp-1");
        await second.RaiseEventAsync("stamp-1", "Go", "now");
        var result = (await CompletionAsync(second, "stamp-1")).ReadOutputAs<Result>()!;

        replayedStarts.Should().Be(1);
        result.Before.Should().Be(beforeRestart);
        result.AfterTime.Should().BeOnOrAfter(beforeRestart.Time.AddHours(1));
        new[] { result.Before.First, result.Before.Second, result.AfterGuid }.Should().OnlyHaveUniqueItems();
        result.AfterGuid.Version.Should().Be(5);
    }

    [Fact]
    public async Task ResumeAsync_CodeNowCallsAnotherActivity_FailsWithAPreciseNonDeterminismMessage()
    {
        var instance = await RunVersionOneUntilItWaitsAsync("nd-1");
        var changed = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Film", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>("Upscale");
                return "changed";
            })
            .AddActivityFunc<string?, string>("Upscale", (_, _) => "up");
        var engine = await OpenAsync(changed);

        await engine.ResumeAsync(instance);
        var info = await CompletionAsync(engine, instance);

        info.Status.Should().Be(InstanceStatus.Failed);
        info.Failure!.ErrorType.Should().Be(typeof(NonDeterministicOrchestrationException).FullName);
        info.Failure.ErrorMessage.Should()
            .Contain("Orchestration 'Film' (instance 'nd-1')")
            .And.Contain("at task #0 the history recorded activity 'Plan' (TaskScheduled), but the code now calls activity 'Upscale'")
            .And.Contain("code changed while this film was in flight")
            .And.Contain("Guid.NewGuid");
    }

    [Fact]
    public async Task ResumeAsync_CodeNowFinishesWithoutTheRecordedActions_FailsWithNonDeterminism()
    {
        var instance = await RunVersionOneUntilItWaitsAsync("nd-2");
        var shortened = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Film", (_, _) => Task.FromResult("shortcut"));
        var engine = await OpenAsync(shortened);

        await engine.ResumeAsync(instance);
        var info = await CompletionAsync(engine, instance);

        info.Status.Should().Be(InstanceStatus.Failed);
        info.Failure!.ErrorMessage.Should().Contain("at task #0 the history recorded activity 'Plan' (TaskScheduled), but the code now did not schedule it");
    }

    [Fact]
    public async Task ResumeAsync_WhenAnyDecidedWhileBothTasksEnded_ReplaysTheSameWinner()
    {
        using var gate = new SemaphoreSlim(0);
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Race", async (ctx, _) =>
            {
                var render = ctx.CallActivityAsync<string>("Render");
                var deadline = ctx.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
                var winner = await Task.WhenAny(render, deadline) == render ? "render" : "deadline";
                await ctx.CallActivityAsync<string>(winner == "render" ? "Keep" : "Fallback");
                await render;
                await ctx.WaitForExternalEvent<string>("Go");
                return winner;
            })
            .AddActivityFunc<string?, string>("Render", async (_, _) =>
            {
                await gate.WaitAsync();
                return "clip";
            })
            .AddActivityFunc<string?, string>("Keep", (_, _) => "kept")
            .AddActivityFunc<string?, string>("Fallback", (_, _) => "animatic");
        var first = await OpenAsync(registry);
        await first.StartAsync("Race", "race-1", null);
        await EventuallyAsync(() => HistoryHasAsync(first, "race-1", "TimerCreated"), "the race is on");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await EventuallyAsync(() => HistoryHasAsync(first, "race-1", "TimerFired"), "the deadline fired");
        gate.Release();
        await EventuallyAsync(() => HistoryHasAsync(first, "race-1", "TaskCompleted", 2), "both activities completed");
        await first.DisposeAsync();

        var second = await OpenAsync(registry);
        await second.ResumeAsync("race-1");
        await second.RaiseEventAsync("race-1", "Go", "now");

        var info = await CompletionAsync(second, "race-1");
        info.Status.Should().Be(InstanceStatus.Completed, info.Failure?.ErrorMessage);
        info.ReadOutputAs<string>().Should().Be("deadline");
    }

    [Fact]
    public void DeterministicGuid_KnownNamespaceAndName_MatchesTheRfcVersion5Algorithm()
    {
        var dnsNamespace = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        DeterministicGuid.Create(dnsNamespace, "python.org").Should().Be(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    private async Task<string> RunVersionOneUntilItWaitsAsync(string instanceId)
    {
        var original = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Film", async (ctx, _) =>
            {
                var plan = await ctx.CallActivityAsync<string>("Plan");
                await ctx.WaitForExternalEvent<string>("Go");
                return plan;
            })
            .AddActivityFunc<string?, string>("Plan", (_, _) => "plan");
        var engine = await OpenAsync(original);
        await engine.StartAsync("Film", instanceId, null);
        await EventuallyAsync(() => HistoryHasAsync(engine, instanceId, "OrchestratorCompleted", 2), "version one waits for the event");
        await engine.DisposeAsync();
        return instanceId;
    }
}
