using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;
using CloudReel.Local.Runtime;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Runtime;

public sealed class LocalFilmRuntimeTests : EngineTestBase
{
    [Fact]
    public async Task StartFilmAsync_SameFilmTwice_StartsItOnce()
    {
        var runtime = new LocalFilmRuntime(await OpenAsync(Registry()));
        var request = new FilmRequest("promo-1", "orders/promo-1/order.yaml");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => runtime.StartFilmAsync(request)));

        results.Count(started => started).Should().Be(1);
        (await runtime.GetInstanceAsync("promo-1"))!.ReadInputAs<FilmRequest>().Should().Be(request);
    }

    [Fact]
    public async Task GetInstanceAsync_FilmWaitingAtTheGate_IsRunningWithItsCustomStatus_AndAnEventFinishesIt()
    {
        var engine = await OpenAsync(Registry());
        var runtime = new LocalFilmRuntime(engine);
        await runtime.StartFilmAsync(new FilmRequest("promo-2", "orders/promo-2/order.yaml"));
        await EventuallyAsync(async () => (await runtime.GetInstanceAsync("promo-2"))?.SerializedCustomStatus is not null, "the film waits");

        var waiting = await runtime.GetInstanceAsync("promo-2");
        await runtime.RaiseEventAsync("promo-2", FilmEvents.StoryboardApproved, new ApprovalDecision(true, "li"));
        var done = await CompletionAsync(engine, "promo-2");

        waiting!.Status.Should().Be(WorkflowStatus.Running);
        waiting.ReadCustomStatusAs<FilmProgress>()!.Stage.Should().Be(FilmStages.Approval);
        done.Status.Should().Be(InstanceStatus.Completed);
        (await runtime.GetInstanceAsync("promo-2"))!.ReadOutputAs<string>().Should().Be("approved by li");
    }

    [Fact]
    public async Task TerminateAsync_WaitingFilm_IsTerminatedWithTheReasonAsOutput()
    {
        var engine = await OpenAsync(Registry());
        var runtime = new LocalFilmRuntime(engine);
        await runtime.StartFilmAsync(new FilmRequest("promo-3", "orders/promo-3/order.yaml"));
        await EventuallyAsync(async () => (await runtime.GetInstanceAsync("promo-3"))?.SerializedCustomStatus is not null, "the film waits");

        await runtime.TerminateAsync("promo-3", "cancelled through the API");
        await CompletionAsync(engine, "promo-3");

        var film = await runtime.GetInstanceAsync("promo-3");
        film!.Status.Should().Be(WorkflowStatus.Terminated);
        film.ReadOutputAs<string>().Should().Be("cancelled through the API");
        (await runtime.ListInstancesAsync("promo-3")).Select(i => i.InstanceId).Should().Equal("promo-3");
        (await runtime.GetInstanceAsync("nope")).Should().BeNull();
    }

    [Fact]
    public async Task ResumeUnfinishedAsync_AfterARestart_CarriesOnTheWaitingFilm()
    {
        var first = await OpenAsync(Registry());
        await new LocalFilmRuntime(first).StartFilmAsync(new FilmRequest("promo-4", "orders/promo-4/order.yaml"));
        await EventuallyAsync(async () => (await first.GetInstanceAsync("promo-4"))?.SerializedCustomStatus is not null, "the film waits");
        await first.DisposeAsync();

        var engine = await OpenAsync(Registry());
        var runtime = new LocalFilmRuntime(engine);
        var resumed = await runtime.ResumeUnfinishedAsync();
        await runtime.RaiseEventAsync("promo-4", FilmEvents.StoryboardApproved, new ApprovalDecision(true, "ana"));

        resumed.Should().Equal("promo-4");
        (await CompletionAsync(engine, "promo-4")).ReadOutputAs<string>().Should().Be("approved by ana");
    }

    /// <summary>A stand-in film orchestration: it waits at the approval gate like the real one.</summary>
    private static DurableTaskRegistry Registry() => new DurableTaskRegistry()
        .AddOrchestratorFunc<FilmRequest, string>(nameof(FilmOrchestration), async (ctx, _) =>
        {
            ctx.SetCustomStatus(new FilmProgress(FilmStages.Approval, 0, 1, 0));
            var decision = await ctx.WaitForExternalEvent<ApprovalDecision>(FilmEvents.StoryboardApproved);
            return $"approved by {decision.By}";
        });
}
