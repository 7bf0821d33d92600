using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using static CloudReel.Core.Tests.Workflow.WorkflowFixtures;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>How a shot spends the film's budget and holds its model's job slots.</summary>
public class ShotBudgetAndSlotTests
{
    private readonly ModelAttempt _kling = Attempt("kling", "a1") with { SlotGroup = "kling", SlotCapacity = 2 };
    private readonly ModelAttempt _vidu = Attempt("vidu", "b2");

    [Fact]
    public async Task RunAsync_AttemptWouldCrossTheBudget_IsNotSubmittedAndNoOtherModelIsTried()
    {
        var context = Context((name, input) => name switch
        {
            nameof(FindCachedClipActivity) => null,
            nameof(ReserveBudgetActivity) => new BudgetDecision(false, 9.8m, 10m),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, new Budget(10m), _kling, _vidu);

        outcome.Succeeded.Should().BeFalse();
        outcome.Attempts.Should().ContainSingle().Which.Result.Should().Be(AttemptResult.OverBudget);
        outcome.FailureSummary.Should().Be("kling: over budget: 0.50 USD more would take the film to 10.30 USD, over its budget of 10.00 USD; not submitted");
        context.Calls.Select(c => c.Name).Should().NotContain([nameof(SubmitShotActivity), nameof(AcquireModelSlotActivity)]);
    }

    [Fact]
    public async Task RunAsync_RefusedThenMade_FreesTheRefusedReservationAndSettlesTheClipsCost()
    {
        var settlements = new List<BudgetSettlement>();
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(FindCachedClipActivity), _) => null,
            (nameof(ReserveBudgetActivity), _) => new BudgetDecision(true, 1m, 10m),
            (nameof(SettleBudgetActivity), BudgetSettlement s) => Record(settlements, s),
            (nameof(AcquireModelSlotActivity) or nameof(ReleaseModelSlotActivity), _) => true,
            (nameof(SubmitShotActivity), ShotJob job) when job.Attempt.Model == "kling" => JobStatus.Failed(null, FailureReason.Moderation, "1301", "blocked"),
            (nameof(SubmitShotActivity), _) => Succeeded("v-1"),
            (nameof(DownloadClipActivity), ClipDownload d) => Clip(d.Job.Attempt, d.Status.JobId) with { Cost = 0.42m },
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, new Budget(10m), _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        settlements.Should().Equal(new BudgetSettlement("film", _kling.ContentKey, 0), new BudgetSettlement("film", _vidu.ContentKey, 0.42m));
        outcome.Attempts.Select(a => a.Cost).Should().Equal(0m, 0.42m);
    }

    [Fact]
    public async Task RunAsync_BadClipFromAPaidJob_CountsItsCost()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(FindCachedClipActivity), _) => null,
            (nameof(AcquireModelSlotActivity) or nameof(ReleaseModelSlotActivity), _) => true,
            (nameof(SubmitShotActivity), _) => Succeeded("k-1"),
            (nameof(DownloadClipActivity), _) => throw new BadClipException("truncated"),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling);

        outcome.Attempts.Single().Should().Match<AttemptRecord>(a => a.Result == AttemptResult.BadClip && a.Cost == _kling.EstimatedCost);
    }

    [Fact]
    public async Task RunAsync_AllSlotsBusyForAWhile_WaitsThenHoldsTheSlotUntilTheJobEnds()
    {
        var acquires = 0;
        var context = Context((name, input) => name switch
        {
            nameof(FindCachedClipActivity) => null,
            nameof(AcquireModelSlotActivity) => ++acquires >= 3,
            nameof(ReleaseModelSlotActivity) => true,
            nameof(SubmitShotActivity) => Queued("k-7"),
            nameof(PollShotActivity) => Succeeded("k-7"),
            nameof(DownloadClipActivity) => Clip(_kling, "k-7"),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling);

        outcome.Succeeded.Should().BeTrue();
        context.Calls.Select(c => c.Name).Should().Equal(
            nameof(FindCachedClipActivity), nameof(AcquireModelSlotActivity), nameof(AcquireModelSlotActivity), nameof(AcquireModelSlotActivity),
            nameof(SubmitShotActivity), nameof(PollShotActivity), nameof(ReleaseModelSlotActivity), nameof(DownloadClipActivity));
        context.Calls.Single(c => c.Name == nameof(PollShotActivity)).Input.Should().Be(new JobQuery("kling", "k-7", _kling.ContentKey, "kling"));
    }

    [Fact]
    public async Task RunAsync_SlotsNeverFree_TimesOutWithoutSubmittingAndTriesTheNextModel()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(FindCachedClipActivity), _) => null,
            (nameof(AcquireModelSlotActivity), _) => false,
            (nameof(SubmitShotActivity), ShotJob job) when job.Attempt.Model == "vidu" => Succeeded("v-1"),
            (nameof(DownloadClipActivity), ClipDownload d) => Clip(d.Job.Attempt, d.Status.JobId),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        outcome.Attempts[0].Should().Match<AttemptRecord>(a => a.Result == AttemptResult.TimedOut && a.ProviderCode == "no-slot" && a.JobId == null);
    }

    [Fact]
    public async Task RunAsync_ServiceUnreachableWhilePolling_RecordsTheFailureAndMovesOn()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(FindCachedClipActivity), _) => null,
            (nameof(AcquireModelSlotActivity) or nameof(ReleaseModelSlotActivity), _) => true,
            (nameof(SubmitShotActivity), ShotJob job) when job.Attempt.Model == "kling" => Queued("k-2"),
            (nameof(PollShotActivity), _) => throw new HttpRequestException("connection refused"),
            (nameof(SubmitShotActivity), _) => Succeeded("v-1"),
            (nameof(DownloadClipActivity), ClipDownload d) => Clip(d.Job.Attempt, d.Status.JobId),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        outcome.Attempts[0].Should().Match<AttemptRecord>(a => a.ProviderCode == "poll" && a.Message!.Contains("connection refused"));
        context.Calls.Count(c => c.Name == nameof(ReleaseModelSlotActivity)).Should().Be(1, "the slot is given back even though the job's end is unknown");
    }

    private static bool Record(List<BudgetSettlement> settlements, BudgetSettlement settlement)
    {
        settlements.Add(settlement);
        return true;
    }

    private static ScriptedOrchestrationContext Context(Func<string, object?, object?> activities) => new("film.shot.s1", activities);

    private static Task<ShotOutcome> Run(ScriptedOrchestrationContext context, Budget? budget, params ModelAttempt[] chain) =>
        new ShotOrchestration().RunAsync(context, new ShotInput("film", "s1", chain, budget));
}
