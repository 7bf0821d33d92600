using CloudReel.Local.Engine;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

public sealed class CustomStatusTests : EngineTestBase
{
    private sealed record Progress(string Stage, int ShotsDone);

    [Fact]
    public async Task SetCustomStatus_WhileRunning_IsVisibleToAnotherEngineOnTheJournal()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Film", async (ctx, _) =>
            {
                ctx.SetCustomStatus(new Progress("planning", 0));
                await ctx.CallActivityAsync<string>("Plan");
                ctx.SetCustomStatus(new Progress("rendering", 1));
                await ctx.WaitForExternalEvent<bool>("Go");
                ctx.SetCustomStatus(new Progress("done", 2));
                return "ok";
            })
            .AddActivityFunc<string?, string>("Plan", (_, _) => "plan");
        var engine = await OpenAsync(registry);
        var observer = await OpenAsync(new DurableTaskRegistry());

        await engine.StartAsync("Film", "status-1", null);
        await EventuallyAsync(
            async () => (await observer.GetInstanceAsync("status-1"))?.ReadCustomStatusAs<Progress>()?.Stage == "rendering",
            "the observer sees the rendering stage");

        var running = await observer.GetInstanceAsync("status-1");
        running!.Status.Should().Be(InstanceStatus.Running);
        running.ReadCustomStatusAs<Progress>().Should().Be(new Progress("rendering", 1));
        await engine.RaiseEventAsync("status-1", "Go", true);
        (await CompletionAsync(engine, "status-1")).ReadCustomStatusAs<Progress>().Should().Be(new Progress("done", 2));
    }
}
