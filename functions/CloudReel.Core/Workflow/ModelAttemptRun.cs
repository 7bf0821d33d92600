using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow.Activities;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// One model's attempt at a shot, inside <see cref="ShotOrchestration"/>: submit (served from the cache,
/// refused by the budget, or sent with the job id recorded before anything else happens), waiting on
/// durable timers while the service's slots are busy or it defers the job; then poll on durable timers,
/// honouring the service's hints, until the poll that finds the job done has fetched its clip. Every
/// way it can end becomes an <see cref="AttemptRecord"/> with the money it may have cost.
/// </summary>
internal static class ModelAttemptRun
{
    /// <summary>How often a submit is asked again while the service defers it or another film is submitting the same clip.</summary>
    private const int MaxSubmitWaits = 60;

    public static async Task<(AttemptRecord Record, ClipRecord? Clip)> RunAsync(TaskOrchestrationContext context, ShotJob job)
    {
        var attempt = job.Attempt;
        if (attempt.Request.ContinuesFrom is "") throw new InvalidOperationException($"Shot {job.ShotId} continues a clip not made yet; it cannot be sent.");
        ShotSubmission submission;
        try
        {
            submission = await SubmitAsync(context, job);
        }
        catch (TaskFailedException failure)
        {
            await ReleaseSlotAsync(context, attempt);
            return (Record(attempt, null, AttemptResult.Refused, FailureReason.Unknown, "submit", failure.FailureDetails.ErrorMessage, 0), null);
        }

        switch (submission)
        {
            case { Result: SubmissionResult.Cached, Clip: { } cached }:
                return (Record(attempt, cached.JobId, AttemptResult.FromCache, null, null, null, 0), cached);
            case { Result: SubmissionResult.OverBudget, Budget: { } decision }:
                return (OverBudget(attempt, job.Budget!, decision), null);
            case { Result: SubmissionResult.NoSlot }:
                var slot = ModelSlotRequest.For(attempt)!;
                var message = $"all {slot.Capacity} job slot(s) of {slot.Group} stayed busy for {attempt.Timeout.TotalMinutes:0} minutes; not submitted";
                return (Record(attempt, null, AttemptResult.TimedOut, FailureReason.Transient, "no-slot", message, 0), null);
            case { Result: SubmissionResult.Deferred }:
                var busy = $"{attempt.Model} stayed busy (rate limited, or another film submitting the same clip) through {MaxSubmitWaits} tries; not submitted";
                return (Record(attempt, null, AttemptResult.Refused, FailureReason.Transient, "submit-busy", busy, 0), null);
            case { Job: { State: JobState.Failed } refused }:
                // An interrupted send may have reached the service: count the money as spent.
                var cost = refused.Failure?.ProviderCode == "ambiguous-submit" ? attempt.EstimatedCost : 0;
                return (FromStatus(attempt, refused, AttemptResult.Refused, cost), null);
            default:
                return await FollowAsync(context, job, submission.Job!);
        }
    }

    /// <summary>Submits, waiting on durable timers for a free job slot (up to the attempt's timeout) or as the service asks.</summary>
    private static async Task<ShotSubmission> SubmitAsync(TaskOrchestrationContext context, ShotJob job)
    {
        var attempt = job.Attempt;
        var slotDeadline = context.CurrentUtcDateTime.Add(attempt.Timeout);
        var deferrals = 0;
        context.SetCustomStatus(new ShotProgress(job.ShotId, "submitting", attempt.Model));
        var submission = await context.CallActivityAsync<ShotSubmission>(nameof(SubmitShotActivity), job);
        while ((submission.Result == SubmissionResult.NoSlot && context.CurrentUtcDateTime < slotDeadline)
            || (submission.Result == SubmissionResult.Deferred && ++deferrals <= MaxSubmitWaits))
        {
            var noSlot = submission.Result == SubmissionResult.NoSlot;
            context.SetCustomStatus(new ShotProgress(job.ShotId, noSlot ? "waiting-for-slot" : "waiting-to-submit", attempt.Model));
            await context.CreateTimer(noSlot ? attempt.PollInterval : submission.Job?.PollAfter ?? attempt.PollInterval, CancellationToken.None);
            submission = await context.CallActivityAsync<ShotSubmission>(nameof(SubmitShotActivity), job);
        }

        return submission;
    }

    /// <summary>Polls the job on durable timers until the poll that finds it done has fetched its clip, or it fails, or time runs out.</summary>
    private static async Task<(AttemptRecord Record, ClipRecord? Clip)> FollowAsync(TaskOrchestrationContext context, ShotJob job, JobStatus status)
    {
        var attempt = job.Attempt;
        var deadline = context.CurrentUtcDateTime.Add(attempt.Timeout);
        while (status.State != JobState.Failed)
        {
            if (status.State == JobState.Succeeded)
            {
                context.SetCustomStatus(new ShotProgress(job.ShotId, "downloading", attempt.Model, 100));
            }
            else if (context.CurrentUtcDateTime >= deadline)
            {
                await ReleaseSlotAsync(context, attempt);
                var message = $"no result within {attempt.Timeout.TotalMinutes:0} minutes";
                return (Record(attempt, status.JobId, AttemptResult.TimedOut, FailureReason.Transient, "timeout", message, attempt.EstimatedCost), null);
            }
            else
            {
                context.SetCustomStatus(new ShotProgress(job.ShotId, "generating", attempt.Model, status.Progress));
                await context.CreateTimer(status.PollAfter ?? attempt.PollInterval, CancellationToken.None);
            }

            JobProgress progress;
            try
            {
                progress = await context.CallActivityAsync<JobProgress>(
                    nameof(PollShotActivity), new JobQuery(attempt, status.JobId!), new TaskOptions(ShotOrchestration.PollRetry));
            }
            catch (TaskFailedException failure)
            {
                // The job may have succeeded, so it may have been paid for, even though its clip is unusable or gone.
                await ReleaseSlotAsync(context, attempt);
                var (result, reason, code) = failure.FailureDetails.CausedBy<BadClipException>() ? (AttemptResult.BadClip, FailureReason.Unknown, "download")
                    : status.State == JobState.Succeeded ? (AttemptResult.Failed, FailureReason.Unknown, "download")
                    : (AttemptResult.Failed, FailureReason.Transient, "poll");
                var message = code == "poll"
                    ? $"the service could not be asked about job {status.JobId}: {failure.FailureDetails.ErrorMessage}"
                    : failure.FailureDetails.ErrorMessage;
                return (Record(attempt, status.JobId, result, reason, code, message, attempt.EstimatedCost), null);
            }

            if (progress.Clip is { } clip) return (Record(attempt, status.JobId, AttemptResult.Succeeded, null, null, null, clip.Cost), clip);
            status = progress.Status;
        }

        return (FromStatus(attempt, status, AttemptResult.Failed, 0), null);
    }

    /// <summary>Gives the attempt's job slot back where no poll did (the job's end is unknown); a slot not held is a no-op.</summary>
    private static async Task ReleaseSlotAsync(TaskOrchestrationContext context, ModelAttempt attempt)
    {
        if (ModelSlotRequest.For(attempt) is { } slot)
        {
            await context.CallActivityAsync<bool>(nameof(ReleaseModelSlotActivity), slot, new TaskOptions(FilmOrchestration.StoreRetry));
        }
    }

    private static AttemptRecord OverBudget(ModelAttempt attempt, Orders.Budget budget, BudgetDecision decision) => new(
        attempt.Model,
        attempt.ContentKey,
        null,
        AttemptResult.OverBudget,
        ProviderCode: "budget",
        Message: string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{attempt.EstimatedCost:0.00} {budget.Currency} more would take the film to {decision.Committed + attempt.EstimatedCost:0.00} {budget.Currency}, over its budget of {budget.Limit:0.00} {budget.Currency}; not submitted"));

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
