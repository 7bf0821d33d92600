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
            nameof(SubmitShotActivity) => new ShotSubmission(SubmissionResult.OverBudget, Budget: new BudgetDecision(false, 9.8m, 10m)),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, new Budget(10m), _kling, _vidu);

        outcome.Succeeded.Should().BeFalse();
        outcome.Attempts.Should().ContainSingle().Which.Result.Should().Be(AttemptResult.OverBudget);
        outcome.FailureSummary.Should().Be("kling: over budget: 0.50 USD more would take the film to 10.30 USD, over its budget of 10.00 USD; not submitted");
        context.Calls.Select(c => c.Name).Should().Equal(nameof(SubmitShotActivity));
        context.Calls.Single().Input.Should().Be(new ShotJob("film", "s1", _kling, new Budget(10m)), "the submit reserves against the film's budget");
    }

    [Fact]
    public async Task RunAsync_RefusedThenMade_FreesTheRefusedReservationAndSettlesTheClipsCost()
    {
        var settlements = new List<BudgetSettlement>();
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SettleBudgetActivity), BudgetSettlement s) => Record(settlements, s),
            (nameof(SubmitShotActivity), ShotJob job) when job.Attempt.Model == "kling" => Submitted(JobStatus.Failed(null, FailureReason.Moderation, "1301", "blocked")),
            (nameof(SubmitShotActivity), _) => Submitted(Succeeded("v-1")),
            (nameof(PollShotActivity), JobQuery q) => Done(q) with { Clip = Clip(q.Attempt, q.JobId) with { Cost = 0.42m } },
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, new Budget(10m), _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        settlements.Should().Equal(new BudgetSettlement("film", _kling.ContentKey, 0), new BudgetSettlement("film", _vidu.ContentKey, 0.42m));
        outcome.Attempts.Select(a => a.Cost).Should().Equal(0m, 0.42m);
    }

    [Fact]
    public async Task RunAsync_ClipFromTheCache_ReservesAndSettlesNothing()
    {
        var context = Context((name, input) => name == nameof(SubmitShotActivity) ? Cached(Clip(_kling)) : throw new InvalidOperationException(name));

        var outcome = await Run(context, new Budget(10m), _kling);

        outcome.Source.Should().Be(ShotSource.Cache);
        context.Calls.Select(c => c.Name).Should().NotContain(nameof(SettleBudgetActivity));
    }

    [Fact]
    public async Task RunAsync_BadClipFromAPaidJob_CountsItsCost()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), _) => Submitted(Succeeded("k-1")),
            (nameof(PollShotActivity), _) => throw new BadClipException("truncated"),
            (nameof(ReleaseModelSlotActivity), _) => true,
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling);

        outcome.Attempts.Single().Should().Match<AttemptRecord>(a => a.Result == AttemptResult.BadClip && a.Cost == _kling.EstimatedCost);
    }

    [Fact]
    public async Task RunAsync_AllSlotsBusyForAWhile_SubmitsOnceASlotFreesAndThePollThatEndsTheJobFetchesItsClip()
    {
        var submits = 0;
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), _) => ++submits < 3 ? new ShotSubmission(SubmissionResult.NoSlot) : Submitted(Queued("k-7")),
            (nameof(PollShotActivity), JobQuery q) => Done(q),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling);

        outcome.Succeeded.Should().BeTrue();
        context.Calls.Select(c => c.Name).Should().Equal(
            nameof(SubmitShotActivity), nameof(SubmitShotActivity), nameof(SubmitShotActivity), nameof(PollShotActivity));
        context.Timers.Should().Equal(_kling.PollInterval, _kling.PollInterval, _kling.PollInterval);
        context.Calls.Single(c => c.Name == nameof(PollShotActivity)).Input.Should().Be(new JobQuery(_kling, "k-7"));
    }

    [Fact]
    public async Task RunAsync_SlotsNeverFree_TimesOutWithoutSubmittingAndTriesTheNextModel()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), ShotJob job) when job.Attempt.Model == "kling" => new ShotSubmission(SubmissionResult.NoSlot),
            (nameof(SubmitShotActivity), _) => Submitted(Succeeded("v-1")),
            (nameof(PollShotActivity), JobQuery q) => Done(q),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        outcome.Attempts[0].Should().Match<AttemptRecord>(a => a.Result == AttemptResult.TimedOut && a.ProviderCode == "no-slot" && a.JobId == null && a.Cost == 0);
    }

    [Fact]
    public async Task RunAsync_ServiceUnreachableWhilePolling_RecordsTheFailureGivesTheSlotBackAndMovesOn()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), ShotJob job) when job.Attempt.Model == "kling" => Submitted(Queued("k-2")),
            (nameof(PollShotActivity), JobQuery q) when q.Attempt.Model == "kling" => throw new HttpRequestException("connection refused"),
            (nameof(ReleaseModelSlotActivity), _) => true,
            (nameof(SubmitShotActivity), _) => Submitted(Succeeded("v-1")),
            (nameof(PollShotActivity), JobQuery q) => Done(q),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        outcome.Attempts[0].Should().Match<AttemptRecord>(a => a.ProviderCode == "poll" && a.Message!.Contains("connection refused"));
        context.Calls.Where(c => c.Name == nameof(ReleaseModelSlotActivity)).Select(c => c.Input).Should()
            .Equal([new ModelSlotRequest("kling", _kling.ContentKey, 2)], "the slot is given back even though the job's end is unknown");
    }

    [Fact]
    public async Task RunAsync_SubmitCrashes_GivesTheSlotBackAndMovesOn()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), ShotJob job) when job.Attempt.Model == "kling" => throw new InvalidOperationException("kling's adapter broke"),
            (nameof(ReleaseModelSlotActivity), _) => true,
            (nameof(SubmitShotActivity), _) => Submitted(Succeeded("v-1")),
            (nameof(PollShotActivity), JobQuery q) => Done(q),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, null, _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        outcome.Attempts[0].Should().Match<AttemptRecord>(a => a.ProviderCode == "submit" && a.Cost == 0 && a.Message!.Contains("adapter broke"));
        context.Calls.Count(c => c.Name == nameof(ReleaseModelSlotActivity)).Should().Be(1);
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
