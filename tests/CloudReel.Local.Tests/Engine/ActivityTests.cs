using CloudReel.Local.Engine;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

public sealed class ActivityTests : EngineTestBase
{
    private sealed record Take(string Shot, int Seconds);

    [Fact]
    public async Task StartAsync_ActivityChain_FeedsEachTypedOutputToTheNextAndJournalsEveryStep()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Chain", async (ctx, shot) =>
            {
                var first = await ctx.CallActivityAsync<Take>("Lengthen", new Take(shot, 2));
                var second = await ctx.CallActivityAsync<Take>("Lengthen", first);
                var third = await ctx.CallActivityAsync<Take>("Lengthen", second);
                return $"{third.Shot}:{third.Seconds}";
            })
            .AddActivityFunc<Take, Take>("Lengthen", (_, take) => take with { Seconds = take.Seconds * 2 });
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Chain", "chain-1", "opening");
        var info = await CompletionAsync(engine, "chain-1");

        info.Status.Should().Be(InstanceStatus.Completed);
        info.ReadOutputAs<string>().Should().Be("opening:16");
        var history = await engine.GetHistoryAsync("chain-1");
        history.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        history.Take(2).Select(e => e.Kind).Should().Equal("OrchestratorStarted", "ExecutionStarted");
        history.Where(e => e.Kind == "TaskScheduled").Select(e => e.TaskId).Should().Equal(0, 1, 2);
        history.Where(e => e.Kind == "TaskCompleted").Select(e => e.TaskId).Should().Equal(0, 1, 2);
        foreach (var id in new[] { 0, 1, 2 })
        {
            var scheduled = history.Single(e => e.Kind == "TaskScheduled" && e.TaskId == id).Sequence;
            history.Single(e => e.Kind == "TaskCompleted" && e.TaskId == id).Sequence.Should().BeGreaterThan(scheduled);
        }

        history.Single(e => e.Kind == "ExecutionCompleted").Payload.Should().Be("\"opening:16\"");
    }

    [Fact]
    public async Task StartAsync_FanOutOfFiftyWithAWhenAnyWindow_NeverRunsMoreThanTheWindowAndSumsEveryResult()
    {
        const int window = 5;
        var running = 0;
        var mostRunning = 0;
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<int, int>("FanOut", async (ctx, count) =>
            {
                var inFlight = new List<Task<int>>();
                var total = 0;
                for (var i = 0; i < count; i++)
                {
                    if (inFlight.Count >= window)
                    {
                        var done = await Task.WhenAny(inFlight);
                        inFlight.Remove(done);
                        total += await done;
                    }

                    inFlight.Add(ctx.CallActivityAsync<int>("Square", i));
                }

                return total + (await Task.WhenAll(inFlight)).Sum();
            })
            .AddActivityFunc<int, int>("Square", async (_, i) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref mostRunning, now);
                await Task.Delay(2);
                Interlocked.Decrement(ref running);
                return i * i;
            });
        var engine = await OpenAsync(registry, maxConcurrentActivities: 16);

        await engine.StartAsync("FanOut", "fan-1", 50);
        var info = await CompletionAsync(engine, "fan-1");

        info.ReadOutputAs<int>().Should().Be(Enumerable.Range(0, 50).Sum(i => i * i));
        mostRunning.Should().BeInRange(1, window);
        var history = await engine.GetHistoryAsync("fan-1");
        history.Where(e => e.Kind == "TaskScheduled").Select(e => e.TaskId).Should().BeEquivalentTo(Enumerable.Range(0, 50));
        history.Where(e => e.Kind == "TaskCompleted").Select(e => e.TaskId).Should().BeEquivalentTo(Enumerable.Range(0, 50));
    }

    [Fact]
    public async Task StartAsync_MoreActivitiesThanTheEngineCap_RunsAtMostMaxConcurrentActivitiesAtOnce()
    {
        var running = 0;
        var mostRunning = 0;
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<int, int>("Wide", async (ctx, count) =>
                (await Task.WhenAll(Enumerable.Range(0, count).Select(i => ctx.CallActivityAsync<int>("Slow", i)))).Sum())
            .AddActivityFunc<int, int>("Slow", async (_, i) =>
            {
                InterlockedMax(ref mostRunning, Interlocked.Increment(ref running));
                await Task.Delay(3);
                Interlocked.Decrement(ref running);
                return i;
            });
        var engine = await OpenAsync(registry, maxConcurrentActivities: 2);

        await engine.StartAsync("Wide", "wide-1", 8);

        (await CompletionAsync(engine, "wide-1")).ReadOutputAs<int>().Should().Be(28);
        mostRunning.Should().BeInRange(1, 2);
    }

    [Fact]
    public async Task CallActivityAsync_ActivityThrows_OrchestratorCatchesTaskFailedExceptionWithTheDetails()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Careful", async (ctx, camera) =>
            {
                try
                {
                    await ctx.CallActivityAsync<string>("Explode", camera);
                    return "unreachable";
                }
                catch (TaskFailedException ex) when (ex.FailureDetails.IsCausedBy<InvalidOperationException>())
                {
                    return $"{ex.TaskName}#{ex.TaskId}:{ex.FailureDetails.ErrorType}:{ex.FailureDetails.ErrorMessage}";
                }
            })
            .AddActivityFunc<string, string>("Explode", string (_, camera) => throw new InvalidOperationException($"{camera} overheated"));
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Careful", "careful-1", "cam-b");
        var info = await CompletionAsync(engine, "careful-1");

        info.Status.Should().Be(InstanceStatus.Completed);
        info.ReadOutputAs<string>().Should().Be("Explode#0:System.InvalidOperationException:cam-b overheated");
        (await engine.GetHistoryAsync("careful-1")).Single(e => e.Kind == "TaskFailed").Payload.Should().Contain("cam-b overheated");
    }

    [Fact]
    public async Task CallActivityAsync_UnhandledActivityFailure_FailsTheInstanceWithTheActivityAsInnerFailure()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Careless", (ctx, s) => ctx.CallActivityAsync<string>("Explode", s))
            .AddActivityFunc<string, string>("Explode", string (_, s) => throw new ArgumentException($"bad {s}"));
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Careless", "careless-1", "prompt");
        var info = await CompletionAsync(engine, "careless-1");

        info.Status.Should().Be(InstanceStatus.Failed);
        info.Failure!.ErrorType.Should().Be(typeof(TaskFailedException).FullName);
        info.Failure.InnerFailure!.ErrorType.Should().Be(typeof(ArgumentException).FullName);
        info.Failure.InnerFailure.ErrorMessage.Should().Be("bad prompt");
    }

    [Fact]
    public async Task CallActivityAsync_UnregisteredActivity_SurfacesAsTaskFailedException()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Lost", async (ctx, _) =>
            {
                try
                {
                    return await ctx.CallActivityAsync<string>("Nowhere");
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorMessage;
                }
            });
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Lost", "lost-1", null);

        (await CompletionAsync(engine, "lost-1")).ReadOutputAs<string>().Should().Contain("No activity named 'Nowhere'");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
        }
    }
}
