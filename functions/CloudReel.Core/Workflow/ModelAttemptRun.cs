using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow.Activities;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// One model's attempt at a shot, inside <see cref="ShotOrchestration"/>: take one of the service's
/// job slots, submit (the job id is recorded before anything else happens), poll on durable timers
/// honouring the service's hints, give the slot back, then download and probe the clip. Every way it
/// can end becomes an <see cref="AttemptRecord"/> with the money it may have cost.
/// </summary>
internal static class ModelAttemptRun
{
    /// <summary>How often a submit is asked again while the service defers it or another film is submitting the same clip.</summary>
    private const int MaxSubmitWaits = 60;

    public static async Task<(AttemptRecord Record, ClipRecord? Clip)> RunAsync(TaskOrchestrationContext context, ShotJob job)
    {
        var attempt = job.Attempt;
        var slot = attempt.SlotCapacity > 0 ? new ModelSlotRequest(attempt.SlotGroup ?? attempt.Model, attempt.ContentKey, attempt.SlotCapacity) : null;
        if (slot is not null && !await AcquireSlotAsync(context, job, slot))
        {
            var message = $"all {slot.Capacity} job slot(s) of {slot.Group} stayed busy for {attempt.Timeout.TotalMinutes:0} minutes; not submitted";
            return (Record(attempt, null, AttemptResult.TimedOut, FailureReason.Transient, "no-slot", message, 0), null);
        }

        var (status, failed) = await SubmitAndPollAsync(context, job, slot?.Group);
        if (slot is not null) await context.CallActivityAsync<bool>(nameof(ReleaseModelSlotActivity), slot, new TaskOptions(FilmOrchestration.StoreRetry));
        if (failed is not null) return (failed, null);

        context.SetCustomStatus(new ShotProgress(job.ShotId, "downloading", attempt.Model, 100));
        try
        {
            var clip = await context.CallActivityAsync<ClipRecord>(
                nameof(DownloadClipActivity), new ClipDownload(job, status), new TaskOptions(ShotOrchestration.DownloadRetry));
            return (Record(attempt, status.JobId, AttemptResult.Succeeded, null, null, null, clip.Cost), clip);
        }
        catch (TaskFailedException failure)
        {
            // The job succeeded, so it was paid for, even though its clip is unusable or gone.
            var result = failure.FailureDetails.IsCausedBy<BadClipException>() ? AttemptResult.BadClip : AttemptResult.Failed;
            return (Record(attempt, status.JobId, result, FailureReason.Unknown, "download", failure.FailureDetails.ErrorMessage, attempt.EstimatedCost), null);
        }
    }

    /// <summary>Waits on durable timers for a free slot, up to the attempt's timeout.</summary>
    private static async Task<bool> AcquireSlotAsync(TaskOrchestrationContext context, ShotJob job, ModelSlotRequest slot)
    {
        var deadline = context.CurrentUtcDateTime.Add(job.Attempt.Timeout);
        while (!await context.CallActivityAsync<bool>(nameof(AcquireModelSlotActivity), slot, new TaskOptions(FilmOrchestration.StoreRetry)))
        {
            if (context.CurrentUtcDateTime >= deadline) return false;
            context.SetCustomStatus(new ShotProgress(job.ShotId, "waiting-for-slot", job.Attempt.Model));
            await context.CreateTimer(job.Attempt.PollInterval, CancellationToken.None);
        }

        return true;
    }

    /// <summary>The succeeded status, or the record of how the attempt failed.</summary>
    private static async Task<(JobStatus Status, AttemptRecord? Failed)> SubmitAndPollAsync(TaskOrchestrationContext context, ShotJob job, string? slotGroup)
    {
        var attempt = job.Attempt;
        var status = await SubmitAsync(context, job);
        if (status.State == JobState.Failed)
        {
            // An interrupted send may have reached the service: count the money as spent.
            var cost = status.Failure?.ProviderCode == "ambiguous-submit" ? attempt.EstimatedCost : 0;
            return (status, FromStatus(attempt, status, AttemptResult.Refused, cost));
        }

        var deadline = context.CurrentUtcDateTime.Add(attempt.Timeout);
        while (!status.IsTerminal)
        {
            if (context.CurrentUtcDateTime >= deadline)
            {
                var message = $"no result within {attempt.Timeout.TotalMinutes:0} minutes";
                return (status, Record(attempt, status.JobId, AttemptResult.TimedOut, FailureReason.Transient, "timeout", message, attempt.EstimatedCost));
            }

            context.SetCustomStatus(new ShotProgress(job.ShotId, "generating", attempt.Model, status.Progress));
            await context.CreateTimer(status.PollAfter ?? attempt.PollInterval, CancellationToken.None);
            try
            {
                status = await context.CallActivityAsync<JobStatus>(
                    nameof(PollShotActivity), new JobQuery(attempt.Model, status.JobId!, attempt.ContentKey, slotGroup), new TaskOptions(ShotOrchestration.PollRetry));
            }
            catch (TaskFailedException failure)
            {
                var message = $"the service could not be asked about job {status.JobId}: {failure.FailureDetails.ErrorMessage}";
                return (status, Record(attempt, status.JobId, AttemptResult.Failed, FailureReason.Transient, "poll", message, attempt.EstimatedCost));
            }
        }

        return status.State == JobState.Failed ? (status, FromStatus(attempt, status, AttemptResult.Failed, 0)) : (status, null);
    }

    /// <summary>
    /// Submits through the ledger. While the service defers the job (rate limits, full queues) or
    /// another film is submitting the very same clip, the activity answers "queued, no job id yet":
    /// wait as asked and try again rather than pay twice.
    /// </summary>
    private static async Task<JobStatus> SubmitAsync(TaskOrchestrationContext context, ShotJob job)
    {
        context.SetCustomStatus(new ShotProgress(job.ShotId, "submitting", job.Attempt.Model));
        for (var wait = 0; ; wait++)
        {
            JobStatus status;
            try
            {
                status = await context.CallActivityAsync<JobStatus>(nameof(SubmitShotActivity), job);
            }
            catch (TaskFailedException failure)
            {
                return JobStatus.Failed(null, FailureReason.Unknown, "submit", failure.FailureDetails.ErrorMessage);
            }

            if (status.State == JobState.Failed || status.JobId is not null) return status;
            if (wait >= MaxSubmitWaits)
            {
                return JobStatus.Failed(null, FailureReason.Transient, "submit-busy",
                    $"{job.Attempt.Model} stayed busy (rate limited, or another film submitting the same clip) through {MaxSubmitWaits} tries; not submitted");
            }

            context.SetCustomStatus(new ShotProgress(job.ShotId, "waiting-to-submit", job.Attempt.Model));
            await context.CreateTimer(status.PollAfter ?? job.Attempt.PollInterval, CancellationToken.None);
        }
    }

    private static AttemptRecord FromStatus(ModelAttempt attempt, JobStatus status, AttemptResult result, decimal cost) => Record(
        attempt,
        status.JobId,
        result,
        status.Failure?.Reason ?? FailureReason.Unknown,
        status.Failure?.ProviderCode,
        status.Failure?.Message ?? "the job failed",
        cost);

    private static AttemptRecord Record(ModelAttempt attempt, string? jobId, AttemptResult result, FailureReason? reason, string? code, string? message, decimal cost) =>
        new(attempt.Model, attempt.ContentKey, jobId, result, reason, code, message, cost);
}
