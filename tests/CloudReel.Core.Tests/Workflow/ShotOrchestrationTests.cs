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
    public async Task RunAsync_ClipInCache_ServesItWithoutSubmitting()
    {
        var context = Context((name, input) => name == nameof(FindCachedClipActivity) ? Clip(_kling) : throw new InvalidOperationException(name));

        var outcome = await Run(context, _kling);

        outcome.Source.Should().Be(ShotSource.Cache);
        outcome.Model.Should().Be("kling");
        context.Calls.Select(c => c.Name).Should().Equal(nameof(FindCachedClipActivity));
    }

    [Fact]
    public async Task RunAsync_FirstModelRefusesForModeration_NextModelMakesTheShot()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(FindCachedClipActivity), _) => null,
            (nameof(SubmitShotActivity), ShotJob job) when job.Attempt.Model == "kling" =>
                JobStatus.Failed(null, FailureReason.Moderation, "1301", "prompt blocked"),
            (nameof(SubmitShotActivity), _) => Succeeded("v-1"),
            (nameof(DownloadClipActivity), ClipDownload d) => Clip(d.Job.Attempt, d.Status.JobId),
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
            nameof(FindCachedClipActivity) => null,
            nameof(SubmitShotActivity) => Queued("k-9"),
            nameof(PollShotActivity) => ++polls < 3
                ? new JobStatus { State = JobState.Running, JobId = "k-9", PollAfter = TimeSpan.FromSeconds(7) }
                : Succeeded("k-9"),
            nameof(DownloadClipActivity) => Clip(_kling, "k-9"),
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
            nameof(FindCachedClipActivity) => null,
            nameof(SubmitShotActivity) => Queued("k-1"),
            nameof(PollShotActivity) => new JobStatus { State = JobState.Running, JobId = "k-1" },
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling);

        outcome.Source.Should().Be(ShotSource.Failed);
        outcome.Attempts.Single().Result.Should().Be(AttemptResult.TimedOut);
        outcome.FailureSummary.Should().Contain("kling").And.Contain("no result within 10 minutes");
        context.Calls.Count(c => c.Name == nameof(PollShotActivity)).Should().Be(120);
    }

    [Fact]
    public async Task RunAsync_DownloadedClipIsBad_MovesOnWithoutRetryingTheDownload()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(FindCachedClipActivity), _) => null,
            (nameof(SubmitShotActivity), ShotJob job) => Succeeded(job.Attempt.Model + "-1"),
            (nameof(DownloadClipActivity), ClipDownload d) when d.Job.Attempt.Model == "kling" => throw new BadClipException("no video stream"),
            (nameof(DownloadClipActivity), ClipDownload d) => Clip(d.Job.Attempt, d.Status.JobId),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await Run(context, _kling, _vidu);

        outcome.Model.Should().Be("vidu");
        outcome.Attempts[0].Result.Should().Be(AttemptResult.BadClip);
        outcome.Attempts[0].Message.Should().Contain("no video stream");
        context.Calls.Count(c => c.Name == nameof(DownloadClipActivity)).Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_AnotherFilmIsSubmittingTheSameClip_WaitsInsteadOfSubmittingAgain()
    {
        var submits = 0;
        var context = Context((name, input) => name switch
        {
            nameof(FindCachedClipActivity) => null,
            nameof(SubmitShotActivity) => ++submits < 3 ? new JobStatus { State = JobState.Queued, PollAfter = TimeSpan.FromSeconds(5) } : Succeeded("shared-1"),
            nameof(DownloadClipActivity) => Clip(_kling, "shared-1"),
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
            (nameof(FindCachedClipActivity), _) => null,
            (nameof(SubmitShotActivity), ShotJob job) => JobStatus.Failed(null, FailureReason.Quota, "429", job.Attempt.Model + " is out of credit"),
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
