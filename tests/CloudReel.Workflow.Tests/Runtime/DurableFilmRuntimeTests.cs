using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Durable;
using CloudReel.Workflow.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace CloudReel.Workflow.Tests.Runtime;

/// <summary>The film runtime of the Functions app, on the real Durable Task client of the in-process test host.</summary>
public sealed class DurableFilmRuntimeTests : IAsyncLifetime
{
    private static readonly FilmRequest Request = new("promo-1", "orders/promo-1/order.yaml", new QueuedAssembly(TimeSpan.FromMinutes(30)));
    private DurableTaskTestHost _host = null!;

    private DurableFilmRuntime Runtime => new(_host.Client);

    private const string ShotDone = "ShotDone";

    /// <summary>A stand-in film: the approval gate, and one shot that runs until it is told it is done.</summary>
    public async Task InitializeAsync() => _host = await DurableTestHost.StartAsync(tasks => tasks
        .AddOrchestratorFunc<FilmRequest, string>(nameof(FilmOrchestration), async (context, request) =>
        {
            context.SetCustomStatus(new FilmProgress(FilmStages.Approval, 0, 1, 0, null, 2.5m, "USD"));
            var shot = context.CallSubOrchestratorAsync<string>(
                nameof(ShotOrchestration), request.FilmId, new SubOrchestrationOptions { InstanceId = ShotOrchestration.InstanceIdFor(request.FilmId, "a") });
            var decision = await context.WaitForExternalEvent<ApprovalDecision>(FilmEvents.StoryboardApproved);
            return $"{(decision.Approved ? "approved" : "rejected")} by {decision.By}: {await shot}";
        })
        .AddOrchestratorFunc<string, string>(nameof(ShotOrchestration), (context, _) => context.WaitForExternalEvent<string>(ShotDone)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartFilmAsync_NewFilm_RunsTheFilmOrchestrationUnderTheFilmIdWithTheRequestAsInput()
    {
        var started = await Runtime.StartFilmAsync(Request);

        started.Should().BeTrue();
        var film = await WaitingAtApprovalAsync(Request.FilmId);
        film.Name.Should().Be(nameof(FilmOrchestration));
        film.ReadInputAs<FilmRequest>().Should().Be(Request, "the request crosses the client in the workflow's JSON shape");
    }

    [Fact]
    public async Task StartFilmAsync_SameFilmTwiceAtOnce_StartsItOnce()
    {
        var starts = await Task.WhenAll(Runtime.StartFilmAsync(Request), Runtime.StartFilmAsync(Request));
        await WaitingAtApprovalAsync(Request.FilmId);

        starts.Count(started => started).Should().Be(1);
        (await Runtime.StartFilmAsync(Request)).Should().BeFalse("a redelivered event or a retried request must not replace a film");
    }

    [Fact]
    public async Task GetInstanceAsync_FilmAtTheGate_ReadsItsCustomStatusAsTheWorkflowWroteIt()
    {
        await Runtime.StartFilmAsync(Request);

        var film = await WaitingAtApprovalAsync(Request.FilmId);

        film.Status.Should().Be(WorkflowStatus.Running);
        film.ReadCustomStatusAs<FilmProgress>().Should().Be(new FilmProgress(FilmStages.Approval, 0, 1, 0, null, 2.5m, "USD"));
        (await Runtime.GetInstanceAsync("no-such-film")).Should().BeNull();
    }

    [Fact]
    public async Task ListInstancesAsync_ShotPrefix_ListsThatFilmsShotsOnly()
    {
        await Runtime.StartFilmAsync(Request);
        await Runtime.StartFilmAsync(Request with { FilmId = "promo-10" });
        await WaitingAtApprovalAsync("promo-10");

        var shots = await Eventually.ValueAsync(
            async () => await Runtime.ListInstancesAsync(ShotOrchestration.InstanceIdFor("promo-1", "")), s => s.Count > 0, "the film's shot exists");

        shots.Select(s => s.InstanceId).Should().Equal("promo-1.shot.a");
        shots[0].Name.Should().Be(nameof(ShotOrchestration));
    }

    [Fact]
    public async Task RaiseEventAsync_Approval_CompletesTheFilmWithTheDecision()
    {
        await Runtime.StartFilmAsync(Request);
        await WaitingAtApprovalAsync(Request.FilmId);

        await Runtime.RaiseEventAsync(Request.FilmId, FilmEvents.StoryboardApproved, new ApprovalDecision(true, "li"));
        await Runtime.RaiseEventAsync(ShotOrchestration.InstanceIdFor(Request.FilmId, "a"), ShotDone, "clip-a");

        var film = await EndedAsync(Request.FilmId);
        film.Status.Should().Be(WorkflowStatus.Completed);
        film.ReadOutputAs<string>().Should().Be("approved by li: clip-a");
    }

    [Fact]
    public async Task TerminateAsync_RunningFilm_EndsItAndItsShotWithTheReason()
    {
        await Runtime.StartFilmAsync(Request);
        await WaitingAtApprovalAsync(Request.FilmId);
        var shotId = ShotOrchestration.InstanceIdFor(Request.FilmId, "a");
        await Eventually.ValueAsync(() => Runtime.GetInstanceAsync(shotId), s => s.Status == WorkflowStatus.Running, "the shot runs");

        await Runtime.TerminateAsync(Request.FilmId, "cancelled through the API");

        var film = await EndedAsync(Request.FilmId);
        film.Status.Should().Be(WorkflowStatus.Terminated);
        film.ReadOutputAs<string>().Should().Be("cancelled through the API");
        (await EndedAsync(shotId)).Status.Should().Be(WorkflowStatus.Terminated);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending, WorkflowStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Running, WorkflowStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed, WorkflowStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed, WorkflowStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, WorkflowStatus.Terminated)]
    [InlineData(OrchestrationRuntimeStatus.Suspended, WorkflowStatus.Suspended)]
#pragma warning disable CS0618 // older backends still report the obsolete statuses
    [InlineData(OrchestrationRuntimeStatus.ContinuedAsNew, WorkflowStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Canceled, WorkflowStatus.Terminated)]
#pragma warning restore CS0618
    public void StatusOf_EveryRuntimeStatus_MapsToTheWorkflowsStatus(OrchestrationRuntimeStatus status, WorkflowStatus expected) =>
        DurableFilmRuntime.StatusOf(status).Should().Be(expected);

    private Task<WorkflowInstance> WaitingAtApprovalAsync(string filmId) => Eventually.ValueAsync(
        () => Runtime.GetInstanceAsync(filmId), f => f.ReadCustomStatusAs<FilmProgress>()?.Stage == FilmStages.Approval, $"{filmId} waits at the approval gate");

    private Task<WorkflowInstance> EndedAsync(string instanceId) => Eventually.ValueAsync(
        () => Runtime.GetInstanceAsync(instanceId), f => f.IsTerminal, $"{instanceId} has ended");
}
