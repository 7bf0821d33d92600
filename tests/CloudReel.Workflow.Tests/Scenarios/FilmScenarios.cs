using System.Text;
using CloudReel.Api.Control;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using CloudReel.Local.Coordination;
using CloudReel.Workflow.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>
/// The film workflow's scenarios, run unchanged in each home (<see cref="FilmScenariosOnLocalEngine"/>,
/// <see cref="FilmScenariosOnDurableTask"/>): the real orchestrators and activities, FFmpeg at 144p and
/// one-second shots, films started, approved and cancelled through the same calls the HTTP API makes.
/// </summary>
public abstract partial class FilmScenarios : IAsyncLifetime
{
    private FilmHome? _home;

    internal ScenarioWorld World { get; } = new();

    private IFilmRuntime Runtime => _home!.Runtime;

    private ProcessModelSlots Slots => (ProcessModelSlots)_home!.Services.GetRequiredService<IModelSlots>();

    private FilmControls Controls => new(Runtime, Slots, World.Store);

    public async Task InitializeAsync() => _home = await OpenHomeAsync(World);

    public async Task DisposeAsync()
    {
        if (_home is not null) await _home.Stop();
        World.Dispose();
    }

    [Fact]
    public async Task Film_OfAnimaticShots_CompletesWithItsOutputsAndReport()
    {
        var film = await StartAsync("plain", Order("animatic"));

        var ended = await EndedAsync(film);

        ended.Status.Should().Be(WorkflowStatus.Completed, ended.FailureMessage);
        ended.ReadOutputAs<FilmResult>()!.Outputs.Should().Contain("scenario.16x9.mp4").And.Contain("report.json");
        (await World.Store.ExistsAsync(StoreLayout.FilmOutput(film, "scenario.16x9.mp4"))).Should().BeTrue();
        var report = await ReportAsync(film);
        report.Shots.Should().Be(new ShotCounts(Planned: 2, Generated: 2, FromCache: 0, Retried: 0, FallenBack: 0, Failed: 0));
        foreach (var shot in report.ShotDetails) (await World.Store.ExistsAsync(StoreLayout.Clip(shot.ContentKey!))).Should().BeTrue();
    }

    [Fact]
    public async Task Approval_Approved_TheFilmGoesOnFromTheGate()
    {
        var film = await StartAsync("approved", Order("animatic", "approval: true"));
        await AtApprovalGateAsync(film);

        await Controls.ApproveAsync(Request("""{"approved": true, "by": "li"}"""), film, CancellationToken.None);

        (await EndedAsync(film)).Status.Should().Be(WorkflowStatus.Completed);
    }

    [Fact]
    public async Task Approval_Rejected_TheFilmFailsWithTheReviewersReasonBeforeAnyShot()
    {
        var film = await StartAsync("rejected", Order("animatic", "approval: true"));
        await AtApprovalGateAsync(film);

        await Controls.ApproveAsync(Request("""{"approved": false, "by": "li", "comment": "too dark"}"""), film, CancellationToken.None);

        var ended = await EndedAsync(film);
        ended.Status.Should().Be(WorkflowStatus.Failed);
        ended.FailureMessage.Should().Contain("the storyboard was rejected by li: too dark");
        (await Runtime.ListInstancesAsync(ShotOrchestration.InstanceIdFor(film, ""))).Should().BeEmpty();
    }

    [Fact]
    public async Task Cancel_ShotWaitingOnItsJob_TerminatesFilmAndShotAndGivesTheJobSlotBack()
    {
        var film = await StartAsync("cancelled", Order("stall", shots: 1));
        var shot = ShotOrchestration.InstanceIdFor(film, "s1");
        await Eventually.ValueAsync(() => Runtime.GetInstanceAsync(shot), s => s.ReadCustomStatusAs<ShotProgress>()?.State == "generating", "the shot waits on its job");
        Slots.HeldCount("stall").Should().Be(1, "the running job holds the service's only slot");

        await Controls.CancelAsync(Request(), film, CancellationToken.None);

        (await EndedAsync(film)).Status.Should().Be(WorkflowStatus.Terminated);
        (await EndedAsync(shot)).Status.Should().Be(WorkflowStatus.Terminated);
        Slots.HeldCount("stall").Should().Be(0);
        World.Stalling.Submits.Should().Be(1);
    }

    [Fact]
    public async Task FailingModel_ItsShotsFallBackToTheNextModelInTheChain()
    {
        var film = await StartAsync("fallback", Order("refuser", "fallback: [animatic]"));

        var ended = await EndedAsync(film);

        ended.Status.Should().Be(WorkflowStatus.Completed, ended.FailureMessage);
        var report = await ReportAsync(film);
        report.Shots.FallenBack.Should().Be(2);
        report.ShotDetails.Should().OnlyContain(s => s.Model == "animatic");
    }

    [Fact]
    public async Task RetryPolicy_StoryboardWriteFailsOnce_IsRetriedAndTheFilmCompletes()
    {
        World.Store.FailNextStoryboardWrite();

        var film = await StartAsync("retried", Order("animatic"));

        (await EndedAsync(film)).Status.Should().Be(WorkflowStatus.Completed);
        World.Store.StoryboardWrites.Should().Be(2);
        (await World.Store.ExistsAsync(StoreLayout.FilmOutput(film, "storyboard.yaml"))).Should().BeTrue();
    }

    [Fact]
    public async Task TwoFilmsAtOnce_ShareTheServicesOneJobSlotAndEachKeepsToItsOwnBudget()
    {
        await World.MakeMeteredClipAsync();
        var tight = StartAsync("tight", Order("meter", "budget: {limit: 2.5, currency: USD}", prompts: ["A costly harbour at dawn", "Gulls over the water"]));
        var roomy = StartAsync("roomy", Order("meter", "budget: {limit: 5, currency: USD}", prompts: ["A lighthouse at noon", "Boats coming home"]));
        await Task.WhenAll(tight, roomy);

        var tightEnd = await EndedAsync(await tight);
        var roomyEnd = await EndedAsync(await roomy);

        tightEnd.Status.Should().Be(WorkflowStatus.Failed, "its first shot was charged twice the estimate, which left too little for the second");
        tightEnd.FailureMessage.Should().Contain("s2: meter: over budget").And.Contain("over its budget of 2.50 USD; not submitted");
        roomyEnd.Status.Should().Be(WorkflowStatus.Completed, roomyEnd.FailureMessage);
        World.Metered.MostRunningAtOnce.Should().Be(1, "both films wait for the service's one job slot");
        World.Metered.Submits.Should().Be(3);
        var budgets = new StoreFilmBudget(World.Store);
        (await budgets.ReadAsync("tight")).Committed.Should().Be(2m);
        (await budgets.ReadAsync("roomy")).Committed.Should().Be(2m);
        Slots.HeldCount("meter").Should().Be(0);
    }

    internal abstract Task<FilmHome> OpenHomeAsync(ScenarioWorld world);

    private static string Order(string model, string extra = "", int shots = 2, string[]? prompts = null)
    {
        var lines = (prompts ?? Enumerable.Range(1, shots).Select(i => $"Shot number {i}").ToArray())
            .Select((prompt, i) => $"  - {{id: s{i + 1}, prompt: {prompt}, seconds: 1}}");
        return $"title: Scenario\nresolution: 144p\nfps: 24\nmodel: {model}\n{extra}\nshots:\n{string.Join("\n", lines)}\n";
    }

    private static HttpRequest Request(string? json = null)
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("localhost");
        if (json is null) return request;
        var body = Encoding.UTF8.GetBytes(json);
        request.ContentType = "application/json";
        request.ContentLength = body.Length;
        request.Body = new MemoryStream(body);
        return request;
    }

    private async Task<string> StartAsync(string filmId, string order)
    {
        var request = await World.StageAsync(filmId, order, _home!.Services.GetRequiredService<IVideoModelCatalog>());
        (await Runtime.StartFilmAsync(request)).Should().BeTrue();
        return filmId;
    }

    private Task AtApprovalGateAsync(string filmId) => Eventually.ValueAsync(
        () => Runtime.GetInstanceAsync(filmId), f => f.ReadCustomStatusAs<FilmProgress>()?.Stage == FilmStages.Approval, $"{filmId} waits at the approval gate");

    private Task<WorkflowInstance> EndedAsync(string instanceId) => Eventually.ValueAsync(
        () => Runtime.GetInstanceAsync(instanceId), f => f.IsTerminal, $"{instanceId} has ended", TimeSpan.FromMinutes(2));

    private async Task<FilmReport> ReportAsync(string filmId) =>
        WorkflowJson.Deserialize<FilmReport>(await World.Store.ReadTextAsync(StoreLayout.FilmOutput(filmId, WriteFilmReportActivity.ReportFileName)))!;
}
