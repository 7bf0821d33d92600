using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

public sealed class ExternalEventTests : EngineTestBase
{
    private sealed record Approval(bool Approved, string By);

    [Fact]
    public async Task WaitForExternalEvent_EventRaisedBeforeTheWait_IsBufferedAndDelivered()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Gate", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
                var approval = await ctx.WaitForExternalEvent<Approval>("StoryboardApproved");
                return $"{approval.Approved}:{approval.By}";
            });
        var engine = await OpenAsync(registry);
        await engine.StartAsync("Gate", "gate-1", null);
        await EventuallyAsync(() => HistoryHasAsync(engine, "gate-1", "TimerCreated"), "the timer is journaled");

        await engine.RaiseEventAsync("gate-1", "StoryboardApproved", new Approval(true, "ana"));
        await EventuallyAsync(() => HistoryHasAsync(engine, "gate-1", "EventRaised"), "the event is journaled");
        Clock.Advance(TimeSpan.FromMinutes(1));

        (await CompletionAsync(engine, "gate-1")).ReadOutputAs<string>().Should().Be("True:ana");
        var history = await engine.GetHistoryAsync("gate-1");
        history.Single(e => e.Kind == "EventRaised").Sequence.Should().BeLessThan(history.Single(e => e.Kind == "TimerFired").Sequence);
    }

    [Fact]
    public async Task WaitForExternalEvent_EventsRaisedAfterTheWait_AreDeliveredInOrder()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Twice", async (ctx, _) =>
            {
                var first = await ctx.WaitForExternalEvent<string>("Note");
                var second = await ctx.WaitForExternalEvent<string>("note");
                return $"{first},{second}";
            });
        var engine = await OpenAsync(registry);
        await engine.StartAsync("Twice", "twice-1", null);
        await EventuallyAsync(() => HistoryHasAsync(engine, "twice-1", "OrchestratorCompleted"), "the orchestrator waits");

        await engine.RaiseEventAsync("twice-1", "Note", "one");
        await engine.RaiseEventAsync("twice-1", "Note", "two");

        (await CompletionAsync(engine, "twice-1")).ReadOutputAs<string>().Should().Be("one,two");
    }

    [Fact]
    public async Task WaitForExternalEventWithTimeout_EventArrivesFirst_ReturnsItAndTheCancelledTimerDoesNotHoldTheInstance()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Approval", async (ctx, _) =>
                await ctx.WaitForExternalEvent<string>("Approve", TimeSpan.FromHours(1)));
        var engine = await OpenAsync(registry);
        await engine.StartAsync("Approval", "approval-1", null);
        await EventuallyAsync(() => HistoryHasAsync(engine, "approval-1", "TimerCreated"), "the timeout timer is journaled");

        await engine.RaiseEventAsync("approval-1", "Approve", "yes");

        (await CompletionAsync(engine, "approval-1")).ReadOutputAs<string>().Should().Be("yes");
        (await engine.GetHistoryAsync("approval-1")).Should().NotContain(e => e.Kind == "TimerFired");
    }

    [Fact]
    public async Task WaitForExternalEventWithTimeout_TimerFiresFirst_ThrowsAndTheCancelledWaitLeavesALaterEventToTheNextWait()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Approval", async (ctx, _) =>
            {
                try
                {
                    return await ctx.WaitForExternalEvent<string>("Approve", TimeSpan.FromHours(1));
                }
                catch (TaskCanceledException)
                {
                    return "timed out, then " + await ctx.WaitForExternalEvent<string>("Approve");
                }
            });
        var engine = await OpenAsync(registry);
        await engine.StartAsync("Approval", "approval-2", null);
        await EventuallyAsync(() => HistoryHasAsync(engine, "approval-2", "TimerCreated"), "the timeout timer is journaled");

        Clock.Advance(TimeSpan.FromHours(1));
        await EventuallyAsync(() => HistoryHasAsync(engine, "approval-2", "OrchestratorCompleted", 2), "the timeout is handled");
        await engine.RaiseEventAsync("approval-2", "Approve", "late yes");

        (await CompletionAsync(engine, "approval-2")).ReadOutputAs<string>().Should().Be("timed out, then late yes");
    }

    [Fact]
    public async Task RaiseEventAsync_FromASecondEngineOnTheSameJournal_IsPickedUpByTheRunningEngine()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Gate", (ctx, _) => ctx.WaitForExternalEvent<string>("Approve"));
        var runner = await OpenAsync(registry);
        var otherProcess = await OpenAsync(new DurableTaskRegistry());
        await runner.StartAsync("Gate", "gate-2", null);
        await EventuallyAsync(() => HistoryHasAsync(runner, "gate-2", "OrchestratorCompleted"), "the orchestrator waits");

        await otherProcess.RaiseEventAsync("gate-2", "Approve", "from the cli");
        await DriveUntilAsync(() => IsTerminalAsync(otherProcess, "gate-2"), TimeSpan.FromSeconds(1), "the running engine polled its inbox");

        (await otherProcess.GetInstanceAsync("gate-2"))!.ReadOutputAs<string>().Should().Be("from the cli");
    }

    [Fact]
    public async Task RaiseEventAsync_WhileNoProcessRunsTheInstance_IsDeliveredAfterResume()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Gate", (ctx, _) => ctx.WaitForExternalEvent<string>("Approve"));
        var first = await OpenAsync(registry);
        await first.StartAsync("Gate", "gate-3", null);
        await EventuallyAsync(() => HistoryHasAsync(first, "gate-3", "OrchestratorCompleted"), "the orchestrator waits");
        await first.DisposeAsync();

        var client = await OpenAsync(new DurableTaskRegistry());
        await client.RaiseEventAsync("gate-3", "Approve", "while nobody ran it");
        var second = await OpenAsync(registry);
        await second.ResumeAsync("gate-3");

        (await CompletionAsync(second, "gate-3")).ReadOutputAs<string>().Should().Be("while nobody ran it");
    }

    [Fact]
    public async Task RaiseEventAsync_FinishedOrUnknownInstance_Throws()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Quick", (_, s) => Task.FromResult(s));
        var engine = await OpenAsync(registry);
        await engine.StartAsync("Quick", "quick-1", "x");
        await CompletionAsync(engine, "quick-1");

        await engine.Invoking(e => e.RaiseEventAsync("quick-1", "Approve", null)).Should().ThrowAsync<InvalidOperationException>().WithMessage("*already ended*");
        await engine.Invoking(e => e.RaiseEventAsync("nope", "Approve", null)).Should().ThrowAsync<InvalidOperationException>().WithMessage("*No film*");
    }
}
