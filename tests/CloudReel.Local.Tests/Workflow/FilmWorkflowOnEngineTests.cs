using System.Collections.Concurrent;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using CloudReel.Local.Engine;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Workflow;

/// <summary>The real film and shot orchestrations on the real engine, with scripted activities.</summary>
public sealed class FilmWorkflowOnEngineTests : EngineTestBase
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _mostInFlight = new();
    private readonly ConcurrentQueue<Core.Events.FilmEvent> _published = new();
    private FilmReport? _report;

    [Fact]
    public async Task FilmOrchestration_ManyShots_NeverRunsMoreShotsOfAModelAtOnceThanItsCap()
    {
        var engine = await OpenAsync(Registry(), maxConcurrentActivities: 8);

        await engine.StartAsync(nameof(FilmOrchestration), "capped", new FilmRequest("capped", "orders/capped/order.yaml"));
        var film = await CompletionAsync(engine, "capped");

        film.Status.Should().Be(InstanceStatus.Completed, film.Failure?.ErrorMessage);
        _mostInFlight["slow"].Should().Be(2, "the slow model's cap is 2, and four of its shots were waiting");
        _mostInFlight["other"].Should().Be(1);
        _report!.Shots.Generated.Should().Be(6);
        (await engine.ListInstancesAsync("capped.shot.")).Should().HaveCount(6).And.OnlyContain(i => i.Status == InstanceStatus.Completed);
        _published.Select(e => e.Type).Should().HaveCount(8).And.StartWith(Core.Events.FilmEventTypes.StoryboardReady).And.EndWith(Core.Events.FilmEventTypes.FilmCompleted);
        _published.Count(e => e.Type == Core.Events.FilmEventTypes.ShotGenerated).Should().Be(6);
        _published.Select(e => e.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task ShotOrchestration_JobDoneAtSubmit_TakesTwoActivitiesAndNoTimer()
    {
        var engine = await OpenAsync(Registry());

        await engine.StartAsync(nameof(FilmOrchestration), "lean", new FilmRequest("lean", "orders/lean/order.yaml"));
        await CompletionAsync(engine, "lean");

        foreach (var shot in await engine.ListInstancesAsync("lean.shot."))
        {
            var history = await engine.GetHistoryAsync(shot.InstanceId);
            history.Where(e => e.Kind == "TaskScheduled").Select(e => e.Name).Should().Equal(nameof(SubmitShotActivity), nameof(PollShotActivity));
            history.Should().NotContain(e => e.Kind == "TimerCreated");
            history.Should().HaveCount(12, "start, two episodes of one activity each, and the end");
        }
    }

    [Fact]
    public async Task FilmOrchestration_HostWithNowhereToSendEvents_PublishesNoneAndStillCompletes()
    {
        var engine = await OpenAsync(Registry());

        await engine.StartAsync(nameof(FilmOrchestration), "quiet", new FilmRequest("quiet", "orders/quiet/order.yaml") { SendsEvents = false });
        var film = await CompletionAsync(engine, "quiet");

        film.Status.Should().Be(InstanceStatus.Completed, film.Failure?.ErrorMessage);
        _published.Should().BeEmpty();
        (await engine.GetHistoryAsync("quiet")).Should().NotContain(e => e.Name == nameof(PublishFilmEventActivity));
        _report!.Shots.Generated.Should().Be(6);
    }

    private DurableTaskRegistry Registry()
    {
        // An order that checks nothing: these tests count the submit and poll activities alone.
        var order = new FilmOrder { Title = "Capped", Qa = new QaSpec(0, []), Shots = Enumerable.Range(1, 6).Select(i => new ShotSpec { Id = $"s{i}", Prompt = $"shot {i}" }).ToList() };
        var plan = new PlannedFilm
        {
            Order = order,
            Shots = order.Shots.Select((s, i) => new PlannedShot(s, [Attempt(i < 4 ? "slow" : "other", i)])).ToList(),
            ModelConcurrency = new Dictionary<string, int> { ["slow"] = 2, ["other"] = 1 },
        };

        return new DurableTaskRegistry()
            .AddOrchestrator<FilmOrchestration>()
            .AddOrchestrator<ShotOrchestration>()
            .AddActivityFunc<FilmRequest, ValidatedOrder>(nameof(ValidateOrderActivity), (_, _) => new ValidatedOrder(order, []))
            .AddActivityFunc<PlanRequest, PlannedFilm>(nameof(PlanFilmActivity), (_, _) => plan)
            .AddActivityFunc<StoryboardRequest, string>(nameof(WriteStoryboardActivity), (_, _) => "storyboard.yaml")
            .AddActivityFunc<ShotJob, ShotSubmission>(nameof(SubmitShotActivity), (_, input) => SubmitAsync(input))
            .AddActivityFunc<JobQuery, JobProgress>(nameof(PollShotActivity), (_, input) => Fetch(input))
            .AddActivityFunc<AssemblyJob, AssemblyResult>(nameof(AssembleFilmActivity), (_, job) => new AssemblyResult(["capped.16x9.mp4"], 30, 900))
            .AddActivityFunc<Core.Events.FilmEvent, Core.Events.EventDelivery>(nameof(PublishFilmEventActivity), (_, filmEvent) =>
            {
                _published.Enqueue(filmEvent);
                return new Core.Events.EventDelivery(filmEvent.Id, filmEvent.Type, ["test"], []);
            })
            .AddActivityFunc<FilmReport, IReadOnlyList<string>>(nameof(WriteFilmReportActivity), (_, report) =>
            {
                _report = report;
                return ["report.json"];
            });
    }

    /// <summary>A shot is in flight from its submit until its clip is fetched: that is what the cap bounds.</summary>
    private async Task<ShotSubmission> SubmitAsync(ShotJob job)
    {
        var now = _inFlight.AddOrUpdate(job.Attempt.Model, 1, (_, n) => n + 1);
        _mostInFlight.AddOrUpdate(job.Attempt.Model, now, (_, most) => Math.Max(most, now));
        await Task.Delay(150);
        return new ShotSubmission(SubmissionResult.Submitted, new JobStatus { State = JobState.Succeeded, JobId = "job-" + job.ShotId });
    }

    private JobProgress Fetch(JobQuery query)
    {
        _inFlight.AddOrUpdate(query.Attempt.Model, 0, (_, n) => n - 1);
        var attempt = query.Attempt;
        return new JobProgress(new JobStatus { State = JobState.Succeeded, JobId = query.JobId }, new ClipRecord
        {
            ContentKey = attempt.ContentKey,
            Model = attempt.Model,
            ModelVersion = "1",
            Prompt = attempt.Request.Prompt,
            RequestedSeconds = 5,
            Sha256 = new string('a', 64),
            Probe = new ClipProbe(5, 320, 180, 30, "h264", false),
        });
    }

    private static ModelAttempt Attempt(string model, int index) => new(
        model,
        "1",
        new ShotRequest { Prompt = $"shot {index}", ShotText = $"shot {index}", Seconds = 5, Size = new FrameSize(320, 180) },
        index.ToString("x64", System.Globalization.CultureInfo.InvariantCulture),
        0,
        TimeSpan.FromSeconds(1),
        TimeSpan.FromMinutes(5));
}
