using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Starts one model's attempt at a shot, in one call: a clip already in the store is served from it;
/// else the clip's estimate is reserved against the film's budget, one of the service's job slots is
/// taken, and the job is sent through the job ledger. A job already recorded for the clip is reused
/// (by this film after a restart, or by another film), and a send that may have reached the service
/// is never repeated blindly: the service is asked for the job first, where it can say. The slot stays
/// held only while a job runs.
/// </summary>
public sealed class SubmitShotActivity(
    IVideoModelCatalog models, JobLedger ledger, IFilmBudget budgets, IModelSlots slots, IClipStore store, TimeProvider time, IHostApplicationLifetime host)
    : TaskActivity<ShotJob, ShotSubmission>
{
    /// <summary>A submit by another film that has not finished in this long is treated as interrupted.</summary>
    public static readonly TimeSpan StaleSubmit = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan WaitForOtherFilm = TimeSpan.FromSeconds(5);

    /// <summary>How far a service's clock may be behind ours when matching a job to the time it was sent.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public override async Task<ShotSubmission> RunAsync(TaskActivityContext context, ShotJob job)
    {
        var attempt = job.Attempt;
        var cancellation = host.ApplicationStopping;
        if (await FindCachedAsync(attempt.ContentKey, cancellation) is { } cached) return new ShotSubmission(SubmissionResult.Cached, Clip: cached);
        if (job.Budget is { } budget && attempt.EstimatedCost > 0)
        {
            var decision = await budgets.TryReserveAsync(job.FilmId, attempt.ContentKey, attempt.EstimatedCost, budget.Limit, cancellation);
            if (!decision.Granted) return new ShotSubmission(SubmissionResult.OverBudget, Budget: decision);
        }

        var entry = await ledger.GetAsync(attempt.ContentKey, cancellation);
        var slot = ModelSlotRequest.For(attempt);
        if (slot is not null)
        {
            // A job already recorded runs at the service whether or not this process counted its slot.
            if (entry is { State: JobLedgerState.Submitted or JobLedgerState.Succeeded, JobId: not null }) await slots.HoldAsync(slot.Group, slot.Holder, cancellation);
            else if (!await slots.TryAcquireAsync(slot.Group, slot.Holder, slot.Capacity, cancellation)) return new ShotSubmission(SubmissionResult.NoSlot);
        }

        var status = await SendAsync(job, entry, cancellation);
        if (status.State != JobState.Failed && status.JobId is not null)
        {
            // A job done by the time the submit returns (the animatic renders at submit) runs nowhere: its slot is
            // free now, not once a poll has been scheduled and found a worker.
            if (slot is not null && status.State == JobState.Succeeded) await slots.ReleaseAsync(slot.Group, slot.Holder, CancellationToken.None);
            return new ShotSubmission(SubmissionResult.Submitted, status);
        }

        if (slot is not null) await slots.ReleaseAsync(slot.Group, slot.Holder, CancellationToken.None);
        return new ShotSubmission(status.State == JobState.Failed ? SubmissionResult.Submitted : SubmissionResult.Deferred, status);
    }

    /// <summary>A clip and its record both filed under the content key, intact: a hit costs nothing and is shared by every film.</summary>
    private Task<ClipRecord?> FindCachedAsync(string contentKey, CancellationToken cancellation) => new CachedClips(store, time).FindAsync(contentKey, cancellation);

    /// <summary>Sends the job through the ledger; "queued, no job id" means nothing was sent (deferred, or another film is sending it).</summary>
    private async Task<JobStatus> SendAsync(ShotJob job, JobLedgerEntry? entry, CancellationToken cancellation)
    {
        var attempt = job.Attempt;
        var model = models.Find(attempt.Model) ?? throw new InvalidOperationException($"Model '{attempt.Model}' is not available in this host.");
        var submissions = (entry?.Submissions ?? 0) + 1;

        switch (entry?.State)
        {
            case JobLedgerState.Submitted or JobLedgerState.Succeeded when entry.JobId is not null:
                return new JobStatus { State = JobState.Queued, JobId = entry.JobId, PollAfter = TimeSpan.Zero };
            case JobLedgerState.Submitting when IsSomeoneElsesLiveSubmit(entry, job):
                return new JobStatus { State = JobState.Queued, PollAfter = WaitForOtherFilm };
            case JobLedgerState.Submitting:
                // Interrupted after it may have been sent: ask the service before anything else.
                var lookup = await model.FindJobAsync(attempt.ContentKey, attempt.Request, entry.UpdatedUtc - ClockSkew, cancellation);
                if (lookup.Result == JobLookupResult.Found && lookup.Job?.JobId is { } found)
                {
                    await ledger.WriteAsync(entry with { State = LedgerStateOf(lookup.Job), JobId = found, UpdatedUtc = Now() }, cancellation);
                    return lookup.Job;
                }

                if (lookup.Result == JobLookupResult.Unsupported && !model.Capabilities.ResubmitIsFree)
                {
                    await ledger.WriteAsync(entry with { State = JobLedgerState.Failed, UpdatedUtc = Now(), Failure = "interrupted submit" }, cancellation);
                    return JobStatus.Failed(null, FailureReason.Transient, "ambiguous-submit",
                        $"an earlier submit to {attempt.Model} was interrupted after it may have been sent, and {lookup.Reason}; it was not sent again, so the job cannot be paid for twice");
                }

                // The service holds no such job (or sending again costs nothing): this is not a second paid job.
                submissions = entry.Submissions;
                break;
        }

        var submitting = new JobLedgerEntry(attempt.ContentKey, attempt.Model, job.FilmId, job.ShotId, JobLedgerState.Submitting, null, submissions, Now());
        if (entry is null)
        {
            if (!await ledger.TryCreateAsync(submitting, cancellation))
            {
                return new JobStatus { State = JobState.Queued, PollAfter = WaitForOtherFilm };
            }
        }
        else
        {
            await ledger.WriteAsync(submitting, cancellation);
        }

        var status = await model.SubmitAsync(attempt.Request, attempt.ContentKey, cancellation);
        if (status.State != JobState.Failed && status.JobId is null)
        {
            // Deferred by the service (rate limit, full queue) before any job existed: nothing was sent.
            await RestoreAsync(entry, attempt.ContentKey);
            return status;
        }

        await ledger.WriteAsync(submitting with { State = LedgerStateOf(status), JobId = status.JobId, UpdatedUtc = Now(), Failure = status.Failure?.Message }, CancellationToken.None);
        return status;
    }

    private static JobLedgerState LedgerStateOf(JobStatus status) => status.State switch
    {
        JobState.Failed => JobLedgerState.Failed,
        JobState.Succeeded => JobLedgerState.Succeeded,
        _ => JobLedgerState.Submitted,
    };

    private Task RestoreAsync(JobLedgerEntry? previous, string contentKey) =>
        previous is null ? ledger.DeleteAsync(contentKey, CancellationToken.None) : ledger.WriteAsync(previous, CancellationToken.None);

    private bool IsSomeoneElsesLiveSubmit(JobLedgerEntry entry, ShotJob job) =>
        (entry.FilmId != job.FilmId || entry.ShotId != job.ShotId) && Now() - entry.UpdatedUtc < StaleSubmit;

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
