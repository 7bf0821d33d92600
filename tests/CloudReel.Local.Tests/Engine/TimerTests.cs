using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

public sealed class TimerTests : EngineTestBase
{
    [Fact]
    public async Task CreateTimer_FakeClock_FiresOnlyOnceItsTimeHasComeAndRecordsTheFireTime()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<int, DateTime>("Sleepy", async (ctx, minutes) =>
            {
                await ctx.CreateTimer(TimeSpan.FromMinutes(minutes), CancellationToken.None);
                return ctx.CurrentUtcDateTime;
            });
        var engine = await OpenAsync(registry);
        var startedAt = Clock.UtcNow;

        await engine.StartAsync("Sleepy", "sleepy-1", 60);
        await EventuallyAsync(() => HistoryHasAsync(engine, "sleepy-1", "TimerCreated"), "the timer is journaled");
        Clock.Advance(TimeSpan.FromMinutes(59));
        await engine.FlushAsync();

        (await engine.GetInstanceAsync("sleepy-1"))!.Status.Should().Be(InstanceStatus.Running);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var info = await CompletionAsync(engine, "sleepy-1");
        info.ReadOutputAs<DateTime>().Should().BeOnOrAfter(startedAt.AddMinutes(60));
        var history = await engine.GetHistoryAsync("sleepy-1");
        WorkflowJson.Deserialize<DateTime>(history.Single(e => e.Kind == "TimerCreated").Payload).Should().Be(startedAt.AddMinutes(60));
        history.Should().ContainSingle(e => e.Kind == "TimerFired");
    }

    [Fact]
    public async Task ResumeAsync_TimerFellDueWhileNothingRan_FiresAtOnce()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<int, string>("Sleepy", async (ctx, minutes) =>
            {
                await ctx.CreateTimer(TimeSpan.FromMinutes(minutes), CancellationToken.None);
                return "awake";
            });
        var first = await OpenAsync(registry);
        await first.StartAsync("Sleepy", "sleepy-2", 30);
        await EventuallyAsync(() => HistoryHasAsync(first, "sleepy-2", "TimerCreated"), "the timer is journaled");
        await first.DisposeAsync();

        Clock.Advance(TimeSpan.FromHours(2));
        var second = await OpenAsync(registry);
        await second.ResumeAsync("sleepy-2");

        (await CompletionAsync(second, "sleepy-2")).ReadOutputAs<string>().Should().Be("awake");
    }

    [Fact]
    public async Task CreateTimer_UncancelledTimerOutlivesTheCode_InstanceCompletesOnlyWhenItFires()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Forgetful", async (ctx, _) =>
            {
                var timer = ctx.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
                var quick = ctx.CallActivityAsync<string>("Quick");
                await Task.WhenAny(timer, quick);
                return "returned";
            })
            .AddActivityFunc<string?, string>("Quick", (_, _) => "fast");
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Forgetful", "forgetful-1", null);
        await EventuallyAsync(() => HistoryHasAsync(engine, "forgetful-1", "TaskCompleted"), "the activity is done");
        await engine.FlushAsync();

        (await engine.GetInstanceAsync("forgetful-1"))!.Status.Should().Be(InstanceStatus.Running);
        Clock.Advance(TimeSpan.FromMinutes(5));
        (await CompletionAsync(engine, "forgetful-1")).ReadOutputAs<string>().Should().Be("returned");
    }
}
