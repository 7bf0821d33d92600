using CloudReel.Local.Engine;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

public sealed class TerminateTests : EngineTestBase
{
    [Fact]
    public async Task TerminateAsync_RunningInstanceWithAChild_EndsBothAndIgnoresThePendingActivityResult()
    {
        using var gate = new SemaphoreSlim(0);
        var activityStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Film", async (ctx, _) =>
            {
                var work = ctx.CallActivityAsync<string>("Slow", "x");
                var child = ctx.CallSubOrchestratorAsync<string>("Waiter");
                await Task.WhenAll(work, child);
                return "done";
            })
            .AddOrchestratorFunc<string, string>("Waiter", (ctx, _) => ctx.WaitForExternalEvent<string>("Never"))
            .AddActivityFunc<string, string>("Slow", async (_, s) =>
            {
                activityStarted.TrySetResult();
                await gate.WaitAsync();
                return s;
            });
        var engine = await OpenAsync(registry);
        await engine.StartAsync("Film", "term-1", null);
        await activityStarted.Task;
        await EventuallyAsync(async () => (await engine.GetInstanceAsync("term-1:1"))?.Status == InstanceStatus.Running, "the child runs");

        await engine.TerminateAsync("term-1", "customer cancelled");
        gate.Release();
        await EventuallyAsync(() => Task.FromResult(engine.ActivitiesInFlight == 0), "the activity has returned");
        await engine.FlushAsync();

        var parent = await engine.GetInstanceAsync("term-1");
        parent!.Status.Should().Be(InstanceStatus.Terminated);
        parent.ReadOutputAs<string>().Should().Be("customer cancelled");
        (await CompletionAsync(engine, "term-1:1")).Status.Should().Be(InstanceStatus.Terminated);
        var history = await engine.GetHistoryAsync("term-1");
        history.Should().NotContain(e => e.Kind == "TaskCompleted");
        history[^1].Kind.Should().Be("ExecutionTerminated");
    }

    [Fact]
    public async Task TerminateAsync_FromAnotherEngineWhileTheOwnerRuns_OwnerEndsTheInstance()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Waiter", (ctx, _) => ctx.WaitForExternalEvent<string>("Never"));
        var owner = await OpenAsync(registry);
        var cli = await OpenAsync(new DurableTaskRegistry());
        await owner.StartAsync("Waiter", "term-2", null);
        await EventuallyAsync(() => HistoryHasAsync(owner, "term-2", "OrchestratorCompleted"), "the owner runs it");

        await cli.TerminateAsync("term-2", "stop");
        await DriveUntilAsync(() => IsTerminalAsync(cli, "term-2"), TimeSpan.FromSeconds(1), "the owner reads the request");

        (await cli.GetInstanceAsync("term-2"))!.Status.Should().Be(InstanceStatus.Terminated);
        (await owner.GetHistoryAsync("term-2")).Count(e => e.Kind == "ExecutionTerminated").Should().Be(1);
    }

    [Fact]
    public async Task TerminateAsync_InstanceNobodyRuns_EndsItInTheJournal()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Waiter", (ctx, _) => ctx.WaitForExternalEvent<string>("Never"));
        var first = await OpenAsync(registry);
        await first.StartAsync("Waiter", "term-3", null);
        await EventuallyAsync(() => HistoryHasAsync(first, "term-3", "OrchestratorCompleted"), "it waits");
        await first.DisposeAsync();
        var cli = await OpenAsync(new DurableTaskRegistry());

        await cli.TerminateAsync("term-3", "abandoned");

        var info = await cli.GetInstanceAsync("term-3");
        info!.Status.Should().Be(InstanceStatus.Terminated);
        info.ReadOutputAs<string>().Should().Be("abandoned");
    }
}
