using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Sends a shot's job to its model, through the job ledger: a job already recorded for the clip
/// is reused (by this film after a restart, or by another film), and a send that may have reached
/// the service is never repeated blindly: the service is asked for the job first, where it can say.
/// </summary>
public sealed class SubmitShotActivity(IVideoModelCatalog models, JobLedger ledger, TimeProvider time, IHostApplicationLifetime host) : TaskActivity<ShotJob, JobStatus>
{
    /// <summary>A submit by another film that has not finished in this long is treated as interrupted.</summary>
    public static readonly TimeSpan StaleSubmit = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan WaitForOtherFilm = TimeSpan.FromSeconds(5);

    /// <summary>How far a service's clock may be behind ours when matching a job to the time it was sent.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public override async Task<JobStatus> RunAsync(TaskActivityContext context, ShotJob job)
    {
        var attempt = job.Attempt;
        var cancellation = host.ApplicationStopping;
        var model = models.Find(attempt.Model) ?? throw new InvalidOperationException($"Model '{attempt.Model}' is not available in this host.");
        var entry = await ledger.GetAsync(attempt.ContentKey, cancellation);
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
