using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

/// <summary>The engine's commits leave the write-ahead log alone; a checkpointer beside them moves it into the journal while the engine runs.</summary>
public sealed class JournalCheckpointTests : EngineTestBase
{
    [Fact]
    public async Task Engine_WhileRunning_MovesItsWriteAheadLogIntoTheJournalFile()
    {
        var engine = await OpenAsync(new DurableTaskRegistry()
            .AddOrchestratorFunc<int, int>("Count", async (ctx, n) =>
            {
                var sum = 0;
                for (var i = 0; i < n; i++) sum += await ctx.CallActivityAsync<int>("One", i);
                return sum;
            })
            .AddActivityFunc<int, int>("One", (_, i) => i));
        var before = new FileInfo(JournalPath).Length;

        for (var i = 0; i < 5; i++) await engine.StartAsync("Count", $"count-{i}", 40);
        for (var i = 0; i < 5; i++) (await CompletionAsync(engine, $"count-{i}")).ReadOutputAs<int>().Should().Be(780);

        // Every step is in the WAL first; only a checkpoint grows the journal file itself, and nothing closed the connection.
        await EventuallyAsync(() => Task.FromResult(new FileInfo(JournalPath).Length > before), "the journal file holds the steps");
        (await engine.GetHistoryAsync("count-4")).Should().Contain(e => e.Kind == "ExecutionCompleted");
    }
}
