using System.Collections.Concurrent;
using CloudReel.Local.Engine;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

/// <summary>Which thread runs an episode: the one that brought its outcome, when no other holds the dispatcher.</summary>
public sealed class DispatchTests : EngineTestBase
{
    [Fact]
    public async Task ActivityOutcome_DispatcherFree_RunsTheNextEpisodeOnTheThreadThatBroughtIt()
    {
        var finishedOn = new ConcurrentQueue<int>();
        var resumedOn = new ConcurrentQueue<int>();
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<int, int>("Relay", async (ctx, steps) =>
            {
                var sum = 0;
                for (var step = 0; step < steps; step++)
                {
                    sum += await ctx.CallActivityAsync<int>("Step", step);
                    resumedOn.Enqueue(Environment.CurrentManagedThreadId);
                }

                return sum;
            })
            .AddActivityFunc<int, int>("Step", async (_, step) =>
            {
                // Long enough for the episode that scheduled this step to have ended and let go of the dispatcher.
                await Task.Delay(50);
                finishedOn.Enqueue(Environment.CurrentManagedThreadId);
                return step;
            });
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Relay", "relay-1", 4);
        var info = await CompletionAsync(engine, "relay-1");

        info.Status.Should().Be(InstanceStatus.Completed);
        info.ReadOutputAs<int>().Should().Be(6);
        resumedOn.Should().Equal(finishedOn, "each outcome's episode ran on the thread that finished the activity, with no hop to another thread");
    }

    [Fact]
    public async Task ManyInstances_EpisodesOnWorkerThreads_NeverRunOrchestratorCodeTwiceAtOnce()
    {
        var inCode = 0;
        var overlaps = 0;
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<int, int>("Busy", async (ctx, width) =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, width).Select(i => ctx.CallActivityAsync<int>("Echo", i)));
                if (Interlocked.Increment(ref inCode) > 1) Interlocked.Increment(ref overlaps);
                Thread.SpinWait(2000);
                Interlocked.Decrement(ref inCode);
                return results.Sum();
            })
            .AddActivityFunc<int, int>("Echo", (_, i) => i);
        var engine = await OpenAsync(registry, maxConcurrentActivities: 8);

        var ids = Enumerable.Range(0, 40).Select(i => $"busy-{i}").ToList();
        foreach (var id in ids) await engine.StartAsync("Busy", id, 10);
        foreach (var id in ids) (await CompletionAsync(engine, id)).ReadOutputAs<int>().Should().Be(45);

        overlaps.Should().Be(0, "orchestrator code runs on one thread at a time, whichever thread holds the dispatcher");
    }
}
