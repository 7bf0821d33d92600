using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Timeline;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using static CloudReel.Core.Tests.Workflow.WorkflowFixtures;

namespace CloudReel.Core.Tests.Workflow;

public partial class FilmOrchestrationTests
{
    private static readonly FilmRequest Request = new("promo-1", "orders/promo-1/order.yaml");

    [Fact]
    public async Task RunAsync_ValidOrder_MakesEveryShotAssemblesAndReports()
    {
        var film = new FilmScript(Order());
        var context = film.Context();

        var result = await new FilmOrchestration().RunAsync(context, Request);

        result.Outputs.Should().Contain("promo.16x9.mp4").And.Contain("report.json");
        film.Report!.Status.Should().Be("completed");
        film.Report.Shots.Should().Be(new ShotCounts(Planned: 2, Generated: 2, FromCache: 0, Retried: 0, FallenBack: 0, Failed: 0));
        film.Timeline!.Clips.Select(c => c.ShotId).Should().Equal("a", "b");
        context.Statuses.OfType<FilmProgress>().Select(p => p.Stage).Distinct()
            .Should().ContainInOrder(FilmStages.Validate, FilmStages.Plan, FilmStages.Generate, FilmStages.Assemble, FilmStages.Outputs);
    }

    [Fact]
    public async Task RunAsync_OrderThatSpeaks_SpeaksBeforeTheShotsAndMixesTheVoiceOvers()
    {
        var (speech, _, _) = ShotSpeechTests.Make();
        var film = new FilmScript(ShotSpeechTests.Spoken) { Speak = job => speech.SpeakAsync(job.Order, CancellationToken.None).GetAwaiter().GetResult() };

        await new FilmOrchestration().RunAsync(film.Context(), Request);

        film.Activities.IndexOf(nameof(SpeakFilmActivity)).Should().BeLessThan(film.Activities.IndexOf(nameof(SubmitShotActivity)));
        film.Timeline!.Clips[0].VoiceOver.Should().StartWith("clips/speech/");
        film.Report!.Speech.Should().Be(new SpeechReport("fake", 2, 0, 11, 11 * 4m / 1_000_000m, "USD"));
        film.Report.Stages.Select(s => s.Stage).Should().Contain(FilmStages.Speak);
    }

    [Fact]
    public async Task RunAsync_SilentOrder_SpeaksNothing()
    {
        var film = new FilmScript(Order());

        await new FilmOrchestration().RunAsync(film.Context(), Request);

        film.Activities.Should().NotContain(nameof(SpeakFilmActivity));
        film.Report!.Speech.Should().BeNull();
    }

    [Fact]
    public async Task RunAsync_InvalidOrder_FailsWithTheErrorsInItsReport()
    {
        var error = new OrderError("order.yaml", 3, 5, "shots[0].seconds", "too long");
        var film = new FilmScript(Order()) { Validation = new ValidatedOrder(null, [error]) };

        var act = () => new FilmOrchestration().RunAsync(film.Context(), Request);

        (await act.Should().ThrowAsync<FilmFailedException>()).Which.Reason.Should().Contain("order.yaml:3:5: shots[0].seconds: too long");
        film.Report!.Status.Should().Be("failed");
        film.Report.OrderErrors.Should().Equal(error);
        film.Activities.Should().NotContain(nameof(PlanFilmActivity));
    }

    [Fact]
    public async Task RunAsync_EstimateOverBudget_FailsBeforeSubmittingAnything()
    {
        var film = new FilmScript(Order() with { Budget = new Budget(0.75m) });

        var act = () => new FilmOrchestration().RunAsync(film.Context(), Request);

        (await act.Should().ThrowAsync<FilmFailedException>()).Which.Reason.Should().Contain("1.00 USD is over the budget of 0.75 USD");
        film.Activities.Should().NotContain(nameof(SubmitShotActivity));
    }

    [Fact]
    public async Task RunAsync_ApprovalRequiredAndGiven_GoesOn()
    {
        var film = new FilmScript(Order() with { Approval = new ApprovalSpec(true, 24) });
        var context = film.Context();
        context.Raise(FilmEvents.StoryboardApproved, new ApprovalDecision(true, "li"));

        await new FilmOrchestration().RunAsync(context, Request);

        film.Activities.Should().Contain(nameof(AssembleFilmActivity));
        context.Statuses.OfType<FilmProgress>().Should().Contain(p => p.Stage == FilmStages.Approval);
    }

    [Fact]
    public async Task RunAsync_StoryboardRejected_FailsBeforeAnyShot()
    {
        var film = new FilmScript(Order() with { Approval = new ApprovalSpec(true, 24) });
        var context = film.Context();
        context.Raise(FilmEvents.StoryboardApproved, new ApprovalDecision(false, "li", "too dark"));

        var act = () => new FilmOrchestration().RunAsync(context, Request);

        (await act.Should().ThrowAsync<FilmFailedException>()).Which.Reason.Should().Be("the storyboard was rejected by li: too dark");
        film.Activities.Should().NotContain(nameof(SubmitShotActivity));
    }

    [Fact]
    public async Task RunAsync_NoApprovalInTime_FailsOnTheTimeout()
    {
        var film = new FilmScript(Order() with { Approval = new ApprovalSpec(true, 48) });

        var act = () => new FilmOrchestration().RunAsync(film.Context(), Request);

        (await act.Should().ThrowAsync<FilmFailedException>()).Which.Reason.Should().Contain("not approved within 48 hours");
    }

    [Fact]
    public async Task RunAsync_AShotFails_FailsNamingTheShotAndKeepsTheOthersInTheReport()
    {
        var film = new FilmScript(Order()) { RefusedShot = "b" };

        var act = () => new FilmOrchestration().RunAsync(film.Context(), Request);

        (await act.Should().ThrowAsync<FilmFailedException>()).Which.Reason.Should().Contain("1 of 2 shot(s) failed: b: m1: moderation");
        film.Report!.Shots.Generated.Should().Be(1);
        film.Report.ShotDetails.Single(s => s.Id == "b").Error.Should().Contain("moderation");
        film.Activities.Should().NotContain(nameof(AssembleFilmActivity));
    }

    private static FilmOrder Order() => new()
    {
        Title = "Promo",
        Languages = ["en"],
        Shots =
        [
            new ShotSpec { Id = "a", Prompt = "first", Captions = new Dictionary<string, string> { ["en"] = "First" } },
            new ShotSpec { Id = "b", Prompt = "second" },
        ],
    };

    /// <summary>Answers the film's activities from a plan with one model "m1" at 0.50 a shot.</summary>
    private sealed class FilmScript(FilmOrder order)
    {
        public ValidatedOrder? Validation { get; init; }

        public string? RefusedShot { get; init; }

        public FilmReport? Report { get; private set; }

        public FilmTimeline? Timeline { get; private set; }

        public List<string> Activities { get; } = [];

        /// <summary>Every event the film published, in the order it published them.</summary>
        public List<Events.FilmEvent> Published { get; } = [];

        /// <summary>Whether publishing an event fails, as a crashed activity would.</summary>
        public bool PublishFails { get; init; }

        /// <summary>What speaking the film answers, for films that speak.</summary>
        public Func<Speech.SpeechJob, Speech.SpokenFilm>? Speak { get; init; }

        public ScriptedOrchestrationContext Context()
        {
            var context = new ScriptedOrchestrationContext(Request.FilmId, Answer);
            context.SubOrchestrations[nameof(ShotOrchestration)] = async (child, input) => await new ShotOrchestration().RunAsync(child, (ShotInput)input!);
            return context;
        }

        private object? Answer(string name, object? input)
        {
            Activities.Add(name);
            switch (name)
            {
                case nameof(ValidateOrderActivity):
                    return Validation ?? new ValidatedOrder(order, []);
                case nameof(PlanFilmActivity):
                    var o = ((PlanRequest)input!).Order;
                    return new PlannedFilm
                    {
                        Order = o,
                        Shots = o.Shots.Select((s, i) => new PlannedShot(s, [Attempt("m1", $"{i}")])).ToList(),
                        ModelConcurrency = new Dictionary<string, int> { ["m1"] = 1 },
                    };
                case nameof(WriteStoryboardActivity):
                    return "films/promo-1/storyboard.yaml";
                case nameof(SpeakFilmActivity):
                    return Speak!((Speech.SpeechJob)input!);
                case nameof(SubmitShotActivity):
                    var job = (ShotJob)input!;
                    return Submitted(job.ShotId == RefusedShot ? JobStatus.Failed(null, FailureReason.Moderation, null, "refused") : Succeeded("j-" + job.ShotId));
                case nameof(PollShotActivity):
                    return Done((JobQuery)input!);
                case nameof(CheckClipActivity):
                    return new Quality.ClipQualityReport([new Quality.QualityCheck("freeze", true, "the picture moves throughout")]);
                case nameof(AssembleFilmActivity):
                    Timeline = ((AssemblyJob)input!).Timeline;
                    return new AssemblyResult(["promo.16x9.mp4", "promo.en.srt"], 9.5, 285);
                case nameof(EnqueueAssemblyActivity):
                    Timeline = ((AssemblyJob)input!).Timeline;
                    return AssemblyJobMessage.For(((AssemblyJob)input!).FilmId, new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc));
                case nameof(PublishFilmEventActivity):
                    var published = (Events.FilmEvent)input!;
                    if (PublishFails) throw new HttpRequestException("the event endpoint is down");
                    Published.Add(published);
                    return new Events.EventDelivery(published.Id, published.Type, ["test"], []);
                case nameof(WriteFilmReportActivity):
                    Report = (FilmReport)input!;
                    return (IReadOnlyList<string>)["report.json", "provenance.json"];
                default:
                    throw new InvalidOperationException(name);
            }
        }
    }
}
