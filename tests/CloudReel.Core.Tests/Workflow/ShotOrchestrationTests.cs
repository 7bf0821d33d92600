using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using static CloudReel.Core.Tests.Workflow.WorkflowFixtures;

namespace CloudReel.Core.Tests.Workflow;

public class ShotOrchestrationTests
{
    private readonly ModelAttempt _kling = Attempt("kling", "a1");
    private readonly ModelAttempt _vidu = Attempt("vidu", "b2");

    [Fact]
    public async Task RunAsync_ClipInCache_ServesItWithoutSubmitting()
    {
        var context = Context((name, input) => name == ActivityNames.FindCachedClip ? Clip(_kling) : throw new InvalidOperationException(name));

        var outcome = await Run(context, _kling);

        outcome.Source.Should().Be(ShotSource.Cache);
        outcome.Model.Should().Be("kling");
        context.Calls.Select(c => c.Name).Should().Equal(ActivityNames.FindCachedClip);
    }

    [Fact]
    public async Task RunAsync_FirstModelRefusesForModeration_NextModelMakesTheShot()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (ActivityNames.FindCachedClip, _) => null,
            (ActivityNames.SubmitShot, ShotJob job) when job.Attempt.Model == "kling" =>
                JobStatus.Failed(null, FailureReason.Moderation, "1301", "prompt blocked"),
            (ActivityNames.SubmitShot, _) => Succeeded("v-1"),
            (ActivityNames.DownloadClip, ClipDownload d) => Clip(d.Job.Attempt, d.Status.JobId),
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
    public async Task RunAsync_JobRunsForAWhile_PollsOnDurableTimersHonouringPollAfter()
    {
        var polls = 0;
        var context = Context((name, input) => name switch
        {
            ActivityNames.FindCachedClip => null,
            ActivityNames.SubmitShot => Queued("k-9"),
            ActivityNames.PollShot => ++polls < 3
                ? new JobStatus { State = JobState.Running, JobId = "k-9", PollAfter = TimeSpan.FromSeconds(7) }
                : Succeeded("k-9"),
            ActivityNames.DownloadClip => Clip(_kling, "k-9"),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling);

        outcome.Succeeded.Should().BeTrue();
        context.Timers.Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7));
        context.Calls.Count(c => c.Name == ActivityNames.SubmitShot).Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_JobNeverFinishes_TimesOutAndReportsIt()
    {
        var context = Context((name, input) => name switch
        {
            ActivityNames.FindCachedClip => null,
            ActivityNames.SubmitShot => Queued("k-1"),
            ActivityNames.PollShot => new JobStatus { State = JobState.Running, JobId = "k-1" },
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling);

        outcome.Source.Should().Be(ShotSource.Failed);
        outcome.Attempts.Single().Result.Should().Be(AttemptResult.TimedOut);
        outcome.FailureSummary.Should().Contain("kling").And.Contain("no result within 10 minutes");
        context.Calls.Count(c => c.Name == ActivityNames.PollShot).Should().Be(120);
    }

    [Fact]
    public async Task RunAsync_DownloadedClipIsBad_MovesOnWithoutRetryingTheDownload()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (ActivityNames.FindCachedClip, _) => null,
            (ActivityNames.SubmitShot, ShotJob job) => Succeeded(job.Attempt.Model + "-1"),
            (ActivityNames.DownloadClip, ClipDownload d) when d.Job.Attempt.Model == "kling" => throw new BadClipException("no video stream"),
            (ActivityNames.DownloadClip, ClipDownload d) => Clip(d.Job.Attempt, d.Status.JobId),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        outcome.Attempts[0].Result.Should().Be(AttemptResult.BadClip);
        outcome.Attempts[0].Message.Should().Contain("no video stream");
        context.Calls.Count(c => c.Name == ActivityNames.DownloadClip).Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_AnotherFilmIsSubmittingTheSameClip_WaitsInsteadOfSubmittingAgain()
    {
        var submits = 0;
        var context = Context((name, input) => name switch
        {
            ActivityNames.FindCachedClip => null,
            ActivityNames.SubmitShot => ++submits < 3 ? new JobStatus { State = JobState.Queued, PollAfter = TimeSpan.FromSeconds(5) } : Succeeded("shared-1"),
            ActivityNames.DownloadClip => Clip(_kling, "shared-1"),
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
            (ActivityNames.FindCachedClip, _) => null,
            (ActivityNames.SubmitShot, ShotJob job) => JobStatus.Failed(null, FailureReason.Quota, "429", job.Attempt.Model + " is out of credit"),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling, _vidu);

        outcome.Succeeded.Should().BeFalse();
        outcome.FailureSummary.Should().Be("kling: quota (429): kling is out of credit; vidu: quota (429): vidu is out of credit");
    }

    private static ScriptedWorkflowContext Context(Func<string, object?, object?> activities) => new("film.shot.s1", activities);

    private static Task<ShotOutcome> Run(ScriptedWorkflowContext context, params ModelAttempt[] chain) =>
        new ShotOrchestration().RunAsync(context, new ShotInput("film", "s1", chain));
}
