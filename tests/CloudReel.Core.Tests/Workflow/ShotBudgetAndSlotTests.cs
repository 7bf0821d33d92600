using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
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
            ActivityNames.FindCachedClip => null,
            ActivityNames.ReserveBudget => new BudgetDecision(false, 9.8m, 10m),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, new Budget(10m), _kling, _vidu);

        outcome.Succeeded.Should().BeFalse();
        outcome.Attempts.Should().ContainSingle().Which.Result.Should().Be(AttemptResult.OverBudget);
        outcome.FailureSummary.Should().Be("kling: over budget: 0.50 USD more would take the film to 10.30 USD, over its budget of 10.00 USD; not submitted");
        context.Calls.Select(c => c.Name).Should().NotContain([ActivityNames.SubmitShot, ActivityNames.AcquireModelSlot]);
    }

    [Fact]
    public async Task RunAsync_RefusedThenMade_FreesTheRefusedReservationAndSettlesTheClipsCost()
    {
        var settlements = new List<BudgetSettlement>();
        var context = Context((name, input) => (name, input) switch
        {
            (ActivityNames.FindCachedClip, _) => null,
            (ActivityNames.ReserveBudget, _) => new BudgetDecision(true, 1m, 10m),
            (ActivityNames.SettleBudget, BudgetSettlement s) => Record(settlements, s),
            (ActivityNames.AcquireModelSlot or ActivityNames.ReleaseModelSlot, _) => true,
            (ActivityNames.SubmitShot, ShotJob job) when job.Attempt.Model == "kling" => JobStatus.Failed(null, FailureReason.Moderation, "1301", "blocked"),
            (ActivityNames.SubmitShot, _) => Succeeded("v-1"),
            (ActivityNames.DownloadClip, ClipDownload d) => Clip(d.Job.Attempt, d.Status.JobId) with { Cost = 0.42m },
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
            (ActivityNames.FindCachedClip, _) => null,
            (ActivityNames.AcquireModelSlot or ActivityNames.ReleaseModelSlot, _) => true,
            (ActivityNames.SubmitShot, _) => Succeeded("k-1"),
            (ActivityNames.DownloadClip, _) => throw new BadClipException("truncated"),
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
            ActivityNames.FindCachedClip => null,
            ActivityNames.AcquireModelSlot => ++acquires >= 3,
            ActivityNames.ReleaseModelSlot => true,
            ActivityNames.SubmitShot => Queued("k-7"),
            ActivityNames.PollShot => Succeeded("k-7"),
            ActivityNames.DownloadClip => Clip(_kling, "k-7"),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling);

        outcome.Succeeded.Should().BeTrue();
        context.Calls.Select(c => c.Name).Should().Equal(
            ActivityNames.FindCachedClip, ActivityNames.AcquireModelSlot, ActivityNames.AcquireModelSlot, ActivityNames.AcquireModelSlot,
            ActivityNames.SubmitShot, ActivityNames.PollShot, ActivityNames.ReleaseModelSlot, ActivityNames.DownloadClip);
        context.Calls.Single(c => c.Name == ActivityNames.PollShot).Input.Should().Be(new JobQuery("kling", "k-7", _kling.ContentKey, "kling"));
    }

    [Fact]
    public async Task RunAsync_SlotsNeverFree_TimesOutWithoutSubmittingAndTriesTheNextModel()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (ActivityNames.FindCachedClip, _) => null,
            (ActivityNames.AcquireModelSlot, _) => false,
            (ActivityNames.SubmitShot, ShotJob job) when job.Attempt.Model == "vidu" => Succeeded("v-1"),
            (ActivityNames.DownloadClip, ClipDownload d) => Clip(d.Job.Attempt, d.Status.JobId),
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
            (ActivityNames.FindCachedClip, _) => null,
            (ActivityNames.AcquireModelSlot or ActivityNames.ReleaseModelSlot, _) => true,
            (ActivityNames.SubmitShot, ShotJob job) when job.Attempt.Model == "kling" => Queued("k-2"),
            (ActivityNames.PollShot, _) => throw new HttpRequestException("connection refused"),
            (ActivityNames.SubmitShot, _) => Succeeded("v-1"),
            (ActivityNames.DownloadClip, ClipDownload d) => Clip(d.Job.Attempt, d.Status.JobId),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        outcome.Attempts[0].Should().Match<AttemptRecord>(a => a.ProviderCode == "poll" && a.Message!.Contains("connection refused"));
        context.Calls.Count(c => c.Name == ActivityNames.ReleaseModelSlot).Should().Be(1, "the slot is given back even though the job's end is unknown");
    }

    private static bool Record(List<BudgetSettlement> settlements, BudgetSettlement settlement)
    {
        settlements.Add(settlement);
        return true;
    }

    private static ScriptedWorkflowContext Context(Func<string, object?, object?> activities) => new("film.shot.s1", activities);

    private static Task<ShotOutcome> Run(ScriptedWorkflowContext context, Budget? budget, params ModelAttempt[] chain) =>
        new ShotOrchestration().RunAsync(context, new ShotInput("film", "s1", chain, budget));
}
