using CloudReel.Local.Engine;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

public sealed class SubOrchestrationTests : EngineTestBase
{
    [Fact]
    public async Task CallSubOrchestratorAsync_ChildCompletes_ParentGetsItsOutputAndEachKeepsItsOwnHistory()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Film", async (ctx, title) =>
                "film:" + await ctx.CallSubOrchestratorAsync<string>("Shot", title))
            .AddOrchestratorFunc<string, string>("Shot", (ctx, title) => ctx.CallActivityAsync<string>("Render", title))
            .AddActivityFunc<string, string>("Render", (_, title) => $"clip({title})");
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Film", "film-1", "dawn");
        var info = await CompletionAsync(engine, "film-1");

        info.ReadOutputAs<string>().Should().Be("film:clip(dawn)");
        var child = await engine.GetInstanceAsync("film-1:0");
        child!.Status.Should().Be(InstanceStatus.Completed);
        child.ParentInstanceId.Should().Be("film-1");
        var parentHistory = await engine.GetHistoryAsync("film-1");
        parentHistory.Should().Contain(e => e.Kind == "SubOrchestrationInstanceCreated" && e.Name == "Shot" && e.Payload!.Contains("film-1:0"));
        parentHistory.Should().Contain(e => e.Kind == "SubOrchestrationInstanceCompleted" && e.Payload == "\"clip(dawn)\"");
        parentHistory.Should().NotContain(e => e.Kind == "TaskScheduled");
        (await engine.GetHistoryAsync("film-1:0")).Should().Contain(e => e.Kind == "TaskScheduled" && e.Name == "Render");
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildFails_ParentCatchesTaskFailedExceptionWithTheChildsFailure()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Film", async (ctx, title) =>
            {
                try
                {
                    return await ctx.CallSubOrchestratorAsync<string>("Shot", title, new SubOrchestrationOptions { InstanceId = "shot-x" });
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}: {ex.FailureDetails.InnerFailure?.ErrorMessage}";
                }
            })
            .AddOrchestratorFunc<string, string>("Shot", (ctx, title) => ctx.CallActivityAsync<string>("Render", title))
            .AddActivityFunc<string, string>("Render", string (_, title) => throw new InvalidOperationException($"{title} was refused"));
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Film", "film-2", "night");

        (await CompletionAsync(engine, "film-2")).ReadOutputAs<string>().Should().Be("Shot: night was refused");
        var child = await engine.GetInstanceAsync("shot-x");
        child!.Status.Should().Be(InstanceStatus.Failed);
        child.Failure!.ErrorType.Should().Be(typeof(TaskFailedException).FullName);
        (await engine.GetHistoryAsync("film-2")).Should().Contain(e => e.Kind == "SubOrchestrationInstanceFailed");
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildHandlesItsActivityFailure_ChildCompletes()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Film", (ctx, title) => ctx.CallSubOrchestratorAsync<string>("Shot", title))
            .AddOrchestratorFunc<string, string>("Shot", async (ctx, title) =>
            {
                try
                {
                    return await ctx.CallActivityAsync<string>("Render", title);
                }
                catch (TaskFailedException)
                {
                    return await ctx.CallActivityAsync<string>("Animatic", title);
                }
            })
            .AddActivityFunc<string, string>("Render", string (_, _) => throw new InvalidOperationException("quota"))
            .AddActivityFunc<string, string>("Animatic", (_, title) => $"animatic({title})");
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Film", "film-3", "noon");

        var info = await CompletionAsync(engine, "film-3");
        info.ReadOutputAs<string>().Should().Be("animatic(noon)");
        (await engine.GetInstanceAsync("film-3:0"))!.Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_RetryWithAFixedChildId_RunsTheChildAfreshUnderThatId()
    {
        var runs = 0;
        var policy = new RetryPolicy(2, TimeSpan.FromSeconds(30));
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Film", (ctx, title) =>
                ctx.CallSubOrchestratorAsync<string>("Shot", title, new SubOrchestrationOptions(policy, "shot-7")))
            .AddOrchestratorFunc<string, string>("Shot", (ctx, title) => ctx.CallActivityAsync<string>("Render", title))
            .AddActivityFunc<string, string>("Render", string (_, title) =>
                Interlocked.Increment(ref runs) == 1 ? throw new TimeoutException("busy") : $"clip({title})");
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Film", "film-4", "dusk");
        await DriveUntilAsync(() => IsTerminalAsync(engine, "film-4"), TimeSpan.FromSeconds(10), "the film is done");

        (await engine.GetInstanceAsync("film-4"))!.ReadOutputAs<string>().Should().Be("clip(dusk)");
        (await engine.GetInstanceAsync("shot-7"))!.Status.Should().Be(InstanceStatus.Completed);
        (await engine.GetHistoryAsync("shot-7")).Count(e => e.Kind == "ExecutionStarted").Should().Be(1);
        var parentHistory = await engine.GetHistoryAsync("film-4");
        parentHistory.Where(e => e.Kind == "SubOrchestrationInstanceCreated").Select(e => e.TaskId).Should().Equal(0, 2);
    }
}
