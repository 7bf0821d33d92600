using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

public sealed class RetryTests : EngineTestBase
{
    [Fact]
    public async Task CallActivityAsync_RetryPolicy_SucceedsOnTheThirdAttemptAfterDurableTimersWithBackoff()
    {
        var attempts = 0;
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(10), backoffCoefficient: 2);
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Retrying", (ctx, s) =>
                ctx.CallActivityAsync<string>("Flaky", s, TaskOptions.FromRetryPolicy(policy)))
            .AddActivityFunc<string, string>("Flaky", string (_, s) =>
                Interlocked.Increment(ref attempts) < 3 ? throw new TimeoutException("provider busy") : s.ToUpperInvariant());
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Retrying", "retry-1", "clip");
        await DriveUntilAsync(() => IsTerminalAsync(engine, "retry-1"), TimeSpan.FromSeconds(5), "the retries are done");

        (await engine.GetInstanceAsync("retry-1"))!.ReadOutputAs<string>().Should().Be("CLIP");
        attempts.Should().Be(3);
        var history = await engine.GetHistoryAsync("retry-1");
        history.Where(e => e.Kind == "TaskScheduled").Select(e => e.TaskId).Should().Equal(0, 2, 4);
        history.Where(e => e.Kind == "TaskFailed").Select(e => e.TaskId).Should().Equal(0, 2);
        history.Where(e => e.Kind == "TimerFired").Select(e => e.TaskId).Should().Equal(1, 3);
        TimerDelays(history).Should().Equal(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task CallActivityAsync_RetriesExhausted_SurfacesTheLastFailureAsTaskFailedException()
    {
        var attempts = 0;
        var policy = new RetryPolicy(2, TimeSpan.FromMinutes(1));
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("GivingUp", async (ctx, s) =>
            {
                try
                {
                    return await ctx.CallActivityAsync<string>("Broken", s, new TaskOptions(policy));
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}#{ex.TaskId}: {ex.FailureDetails.ErrorMessage}";
                }
            })
            .AddActivityFunc<string, string>("Broken", string (_, _) =>
                throw new InvalidOperationException($"attempt {Interlocked.Increment(ref attempts)} failed"));
        var engine = await OpenAsync(registry);

        await engine.StartAsync("GivingUp", "retry-2", "clip");
        await DriveUntilAsync(() => IsTerminalAsync(engine, "retry-2"), TimeSpan.FromSeconds(20), "the retries are exhausted");

        (await engine.GetInstanceAsync("retry-2"))!.ReadOutputAs<string>().Should().Be("Broken#2: attempt 2 failed");
        attempts.Should().Be(2);
        (await engine.GetHistoryAsync("retry-2")).Count(e => e.Kind == "TimerCreated").Should().Be(1);
    }

    [Fact]
    public async Task CallActivityAsync_FailureTheHandlerRejects_IsNotRetried()
    {
        var attempts = 0;
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = failure => failure.IsCausedBy<TimeoutException>() };
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Picky", async (ctx, s) =>
            {
                try
                {
                    return await ctx.CallActivityAsync<string>("Refuses", s, new TaskOptions(policy));
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorType;
                }
            })
            .AddActivityFunc<string, string>("Refuses", string (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new ArgumentException("moderation refused the prompt");
            });
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Picky", "retry-3", "clip");

        (await CompletionAsync(engine, "retry-3")).ReadOutputAs<string>().Should().Be(typeof(ArgumentException).FullName);
        attempts.Should().Be(1);
        (await engine.GetHistoryAsync("retry-3")).Should().NotContain(e => e.Kind == "TimerCreated");
    }

    [Fact]
    public async Task CallActivityAsync_NextAttemptWouldPassTheRetryTimeout_StopsRetrying()
    {
        var attempts = 0;
        var policy = new RetryPolicy(5, TimeSpan.FromMinutes(1), retryTimeout: TimeSpan.FromSeconds(90));
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Hurried", async (ctx, s) =>
            {
                try
                {
                    return await ctx.CallActivityAsync<string>("Broken", s, new TaskOptions(policy));
                }
                catch (TaskFailedException)
                {
                    return "gave up";
                }
            })
            .AddActivityFunc<string, string>("Broken", string (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new TimeoutException("slow provider");
            });
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Hurried", "retry-4", "clip");
        await EventuallyAsync(() => HistoryHasAsync(engine, "retry-4", "TimerCreated"), "the first retry timer exists");
        await DriveUntilAsync(() => IsTerminalAsync(engine, "retry-4"), TimeSpan.FromSeconds(10), "the retries stop");

        (await engine.GetInstanceAsync("retry-4"))!.ReadOutputAs<string>().Should().Be("gave up");
        attempts.Should().Be(2);
    }

    [Fact]
    public async Task CallActivityAsync_RetryHandler_DecidesEachRetryFromTheFailureAndWaitsOnItsOwnTimer()
    {
        var attempts = 0;
        var seen = new List<string>();
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Handled", (ctx, s) => ctx.CallActivityAsync<string>("Flaky", s, TaskOptions.FromRetryHandler(async retry =>
            {
                seen.Add($"{retry.LastAttemptNumber}:{retry.LastFailure.ErrorMessage}");
                if (!retry.LastFailure.IsCausedBy<TimeoutException>()) return false;
                await retry.OrchestrationContext.CreateTimer(TimeSpan.FromSeconds(30), CancellationToken.None);
                return true;
            })))
            .AddActivityFunc<string, string>("Flaky", string (_, s) => Interlocked.Increment(ref attempts) switch
            {
                1 => throw new TimeoutException("provider busy"),
                2 => throw new TimeoutException("still busy"),
                _ => s.ToUpperInvariant(),
            });
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Handled", "retry-5", "clip");
        await DriveUntilAsync(() => IsTerminalAsync(engine, "retry-5"), TimeSpan.FromSeconds(10), "the handler's retries are done");

        (await engine.GetInstanceAsync("retry-5"))!.ReadOutputAs<string>().Should().Be("CLIP");
        attempts.Should().Be(3);
        seen.Distinct().Should().Equal("1:provider busy", "2:still busy");
        TimerDelays(await engine.GetHistoryAsync("retry-5")).Should().Equal(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    /// <summary>Each timer's fire time minus the time of the episode that created it.</summary>
    private static List<TimeSpan> TimerDelays(IReadOnlyList<HistoryEvent> history)
    {
        var delays = new List<TimeSpan>();
        var episodeStart = DateTime.MinValue;
        foreach (var e in history)
        {
            if (e.Kind == "OrchestratorStarted") episodeStart = e.TimestampUtc;
            if (e.Kind == "TimerCreated") delays.Add(WorkflowJson.Deserialize<DateTime>(e.Payload) - episodeStart);
        }

        return delays;
    }
}
