using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using static CloudReel.Core.Tests.Workflow.WorkflowFixtures;

namespace CloudReel.Core.Tests.Workflow;

public class ShotOrchestrationTests
{
    private readonly ModelAttempt _kling = Attempt("kling", "a1");
    private readonly ModelAttempt _vidu = Attempt("vidu", "b2");

    [Fact]
    public async Task RunAsync_ClipInCache_ServesItInOneCall()
    {
        var context = Context((name, input) => name == nameof(SubmitShotActivity) ? Cached(Clip(_kling)) : throw new InvalidOperationException(name));

        var outcome = await Run(context, _kling);

        outcome.Source.Should().Be(ShotSource.Cache);
        outcome.Model.Should().Be("kling");
        context.Calls.Select(c => c.Name).Should().Equal(nameof(SubmitShotActivity));
    }

    [Fact]
    public async Task RunAsync_FirstModelRefusesForModeration_NextModelMakesTheShot()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), ShotJob job) when job.Attempt.Model == "kling" =>
                Submitted(JobStatus.Failed(null, FailureReason.Moderation, "1301", "prompt blocked")),
            (nameof(SubmitShotActivity), _) => Submitted(Succeeded("v-1")),
            (nameof(PollShotActivity), JobQuery q) => Done(q),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling, _vidu);

        outcome.Source.Should().Be(ShotSource.Generated);
        outcome.Model.Should().Be("vidu");
        outcome.Attempts.Should().HaveCount(2);
        outcome.Attempts[0].Should().BeEquivalentTo(new { Model = "kling", Result = AttemptResult.Refused, Reason = FailureReason.Moderation, ProviderCode = "1301" });
        outcome.Attempts[1].Result.Should().Be(AttemptResult.Succeeded);
    }

    [Fact]
    public async Task RunAsync_JobDoneAtSubmit_FetchesTheClipInOnePollWithoutWaiting()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), _) => Submitted(Succeeded("k-1")),
            (nameof(PollShotActivity), JobQuery q) => Done(q),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling);

        outcome.Succeeded.Should().BeTrue();
        context.Calls.Select(c => c.Name).Should().Equal(nameof(SubmitShotActivity), nameof(PollShotActivity));
        context.Timers.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_JobRunsForAWhile_PollsOnDurableTimersHonouringPollAfter()
    {
        var polls = 0;
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), _) => Submitted(Queued("k-9")),
            (nameof(PollShotActivity), JobQuery q) => ++polls < 3
                ? new JobProgress(new JobStatus { State = JobState.Running, JobId = "k-9", PollAfter = TimeSpan.FromSeconds(7) })
                : Done(q),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling);

        outcome.Succeeded.Should().BeTrue();
        context.Timers.Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7));
        context.Calls.Count(c => c.Name == nameof(SubmitShotActivity)).Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_JobNeverFinishes_TimesOutAndReportsIt()
    {
        var context = Context((name, input) => name switch
        {
            nameof(SubmitShotActivity) => Submitted(Queued("k-1")),
            nameof(PollShotActivity) => new JobProgress(new JobStatus { State = JobState.Running, JobId = "k-1" }),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling);

        outcome.Source.Should().Be(ShotSource.Failed);
        outcome.Attempts.Single().Result.Should().Be(AttemptResult.TimedOut);
        outcome.FailureSummary.Should().Contain("kling").And.Contain("no result within 10 minutes");
        context.Calls.Count(c => c.Name == nameof(PollShotActivity)).Should().Be(120);
    }

    [Fact]
    public async Task RunAsync_FetchedClipIsBad_MovesOnWithoutFetchingItAgain()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), ShotJob job) => Submitted(Succeeded(job.Attempt.Model + "-1")),
            (nameof(PollShotActivity), JobQuery q) when q.Attempt.Model == "kling" => throw new BadClipException("no video stream"),
            (nameof(PollShotActivity), JobQuery q) => Done(q),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        outcome.Attempts[0].Should().Match<AttemptRecord>(a => a.Result == AttemptResult.BadClip && a.ProviderCode == "download" && a.Message!.Contains("no video stream"));
        context.Calls.Count(c => c.Name == nameof(PollShotActivity)).Should().Be(2, "a bad clip is final: the poll that fetched it is not retried");
    }

    [Fact]
    public async Task RunAsync_FetchingTheClipKeepsFailing_RetriesThePollThenRecordsADownloadFailure()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), _) => Submitted(Succeeded("k-1")),
            (nameof(PollShotActivity), _) => throw new HttpRequestException("the link answered 503"),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling);

        outcome.Attempts.Single().Should().Match<AttemptRecord>(a =>
            a.Result == AttemptResult.Failed && a.ProviderCode == "download" && a.Cost == _kling.EstimatedCost && a.Message!.Contains("503"));
        context.Calls.Count(c => c.Name == nameof(PollShotActivity)).Should().Be(ShotOrchestration.PollRetry.MaxNumberOfAttempts);
    }

    [Fact]
    public async Task RunAsync_AnotherFilmIsSubmittingTheSameClip_WaitsInsteadOfSubmittingAgain()
    {
        var submits = 0;
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), _) => ++submits < 3
                ? new ShotSubmission(SubmissionResult.Deferred, new JobStatus { State = JobState.Queued, PollAfter = TimeSpan.FromSeconds(5) })
                : Submitted(Succeeded("shared-1")),
            (nameof(PollShotActivity), JobQuery q) => Done(q),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling);

        outcome.Succeeded.Should().BeTrue();
        context.Timers.Should().HaveCount(2);
    }

    [Fact]
    public async Task RunAsync_EveryModelFails_FailsWithEachReason()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), ShotJob job) => Submitted(JobStatus.Failed(null, FailureReason.Quota, "429", job.Attempt.Model + " is out of credit")),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling, _vidu);

        outcome.Succeeded.Should().BeFalse();
        outcome.FailureSummary.Should().Be("kling: quota (429): kling is out of credit; vidu: quota (429): vidu is out of credit");
    }

    private static ScriptedOrchestrationContext Context(Func<string, object?, object?> activities) => new("film.shot.s1", activities);

    private static Task<ShotOutcome> Run(ScriptedOrchestrationContext context, params ModelAttempt[] chain) =>
        new ShotOrchestration().RunAsync(context, new ShotInput("film", "s1", chain));
}
