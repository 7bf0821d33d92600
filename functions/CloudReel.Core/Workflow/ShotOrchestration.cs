using CloudReel.Core.Models;

namespace CloudReel.Core.Workflow;

/// <summary>
/// Makes one shot: for each model in the shot's chain, serve it from the clip cache, or submit a
/// job (whose id is recorded before anything else happens), poll it on durable timers, download and
/// probe the clip. A refusal, a failure, a timeout or a bad clip moves the shot to the next model.
/// </summary>
public sealed class ShotOrchestration : Orchestration<ShotInput, ShotOutcome>
{
    /// <summary>Polling is cheap and idempotent: ride out short outages of the service.</summary>
    public static readonly RetryPolicy PollRetry = new(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromMinutes(1));

    /// <summary>Downloads retry separately from generation, so a flaky link never causes a second paid job.</summary>
    public static readonly RetryPolicy DownloadRetry = new(
        maxNumberOfAttempts: 3,
        firstRetryInterval: TimeSpan.FromSeconds(3),
        backoffCoefficient: 2.0)
    {
        HandleFailure = failure => failure.ErrorType != typeof(Ports.BadClipException).FullName,
    };

    /// <summary>How often a submit is retried while another film is submitting the same clip.</summary>
    private const int MaxSubmitWaits = 60;

    public override async Task<ShotOutcome> RunAsync(WorkflowContext context, ShotInput input)
    {
        var attempts = new List<AttemptRecord>();
        foreach (var attempt in input.Chain)
        {
            context.SetCustomStatus(new ShotProgress(input.ShotId, "checking-cache", attempt.Model));
            var cached = await context.CallActivityAsync<ClipRecord?>(ActivityNames.FindCachedClip, attempt.ContentKey);
            if (cached is not null)
            {
                attempts.Add(new AttemptRecord(attempt.Model, attempt.ContentKey, cached.JobId, AttemptResult.FromCache));
                return Finish(context, input, ShotSource.Cache, cached, attempt.Model, attempts);
            }

            var (record, clip) = await TryModelAsync(context, new ShotJob(input.FilmId, input.ShotId, attempt));
            attempts.Add(record);
            if (clip is not null) return Finish(context, input, ShotSource.Generated, clip, attempt.Model, attempts);
        }

        context.SetCustomStatus(new ShotProgress(input.ShotId, "failed", attempts.LastOrDefault()?.Model ?? ""));
        return new ShotOutcome { ShotId = input.ShotId, Source = ShotSource.Failed, Attempts = attempts };
    }

    private static ShotOutcome Finish(WorkflowContext context, ShotInput input, ShotSource source, ClipRecord clip, string model, List<AttemptRecord> attempts)
    {
        context.SetCustomStatus(new ShotProgress(input.ShotId, source == ShotSource.Cache ? "cached" : "generated", model, 100));
        return new ShotOutcome { ShotId = input.ShotId, Source = source, Clip = clip, Model = model, Attempts = attempts };
    }

    private static async Task<(AttemptRecord Record, ClipRecord? Clip)> TryModelAsync(WorkflowContext context, ShotJob job)
    {
        var attempt = job.Attempt;
        var status = await SubmitAsync(context, job);
        if (status.State == JobState.Failed) return (Failed(attempt, status, AttemptResult.Refused), null);

        var deadline = context.CurrentUtcDateTime.Add(attempt.Timeout);
        while (!status.IsTerminal)
        {
            if (context.CurrentUtcDateTime >= deadline)
            {
                var message = $"no result within {attempt.Timeout.TotalMinutes:0} minutes";
                return (new AttemptRecord(attempt.Model, attempt.ContentKey, status.JobId, AttemptResult.TimedOut, FailureReason.Transient, "timeout", message), null);
            }

            context.SetCustomStatus(new ShotProgress(job.ShotId, "generating", attempt.Model, status.Progress));
            await context.CreateTimer(status.PollAfter ?? attempt.PollInterval, CancellationToken.None);
            status = await context.CallActivityAsync<JobStatus>(
                ActivityNames.PollShot, new JobQuery(attempt.Model, status.JobId!, attempt.ContentKey), new TaskOptions(PollRetry));
        }

        if (status.State == JobState.Failed) return (Failed(attempt, status, AttemptResult.Failed), null);

        context.SetCustomStatus(new ShotProgress(job.ShotId, "downloading", attempt.Model, 100));
        try
        {
            var clip = await context.CallActivityAsync<ClipRecord>(
                ActivityNames.DownloadClip, new ClipDownload(job, status), new TaskOptions(DownloadRetry));
            return (new AttemptRecord(attempt.Model, attempt.ContentKey, status.JobId, AttemptResult.Succeeded), clip);
        }
        catch (TaskFailedException failure)
        {
            var result = failure.FailureDetails.IsCausedBy<Ports.BadClipException>() ? AttemptResult.BadClip : AttemptResult.Failed;
            return (new AttemptRecord(attempt.Model, attempt.ContentKey, status.JobId, result, FailureReason.Unknown, "download", failure.FailureDetails.ErrorMessage), null);
        }
    }

    /// <summary>
    /// Submits through the ledger. While another film is submitting the very same clip, the
    /// activity answers "queued, no job id yet": wait and ask again rather than pay twice.
    /// </summary>
    private static async Task<JobStatus> SubmitAsync(WorkflowContext context, ShotJob job)
    {
        context.SetCustomStatus(new ShotProgress(job.ShotId, "submitting", job.Attempt.Model));
        for (var wait = 0; ; wait++)
        {
            JobStatus status;
            try
            {
                status = await context.CallActivityAsync<JobStatus>(ActivityNames.SubmitShot, job);
            }
            catch (TaskFailedException failure)
            {
                return JobStatus.Failed(null, FailureReason.Unknown, "submit", failure.FailureDetails.ErrorMessage);
            }

            if (status.State == JobState.Failed || status.JobId is not null) return status;
            if (wait >= MaxSubmitWaits)
            {
                return JobStatus.Failed(null, FailureReason.Transient, "submit-busy", "another film kept submitting the same clip");
            }

            await context.CreateTimer(status.PollAfter ?? job.Attempt.PollInterval, CancellationToken.None);
        }
    }

    private static AttemptRecord Failed(ModelAttempt attempt, JobStatus status, AttemptResult result) => new(
        attempt.Model,
        attempt.ContentKey,
        status.JobId,
        result,
        status.Failure?.Reason ?? FailureReason.Unknown,
        status.Failure?.ProviderCode,
        status.Failure?.Message ?? "the job failed");
}
