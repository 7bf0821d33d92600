using CloudReel.Core.Jobs;
using CloudReel.Core.Models;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Sends a shot's job to its model, through the job ledger: a job already recorded for the clip
/// is reused (by this film after a restart, or by another film), and a send that may have reached
/// the service is never repeated blindly.
/// </summary>
public sealed class SubmitShotActivity(IVideoModelCatalog models, JobLedger ledger, TimeProvider time) : Activity<ShotJob, JobStatus>
{
    /// <summary>A submit by another film that has not finished in this long is treated as interrupted.</summary>
    public static readonly TimeSpan StaleSubmit = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan WaitForOtherFilm = TimeSpan.FromSeconds(5);

    public override async Task<JobStatus> RunAsync(ActivityContext context, ShotJob job)
    {
        var attempt = job.Attempt;
        var model = models.Find(attempt.Model) ?? throw new InvalidOperationException($"Model '{attempt.Model}' is not available in this host.");
        var entry = await ledger.GetAsync(attempt.ContentKey, context.CancellationToken);

        switch (entry?.State)
        {
            case JobLedgerState.Submitted or JobLedgerState.Succeeded when entry.JobId is not null:
                return new JobStatus { State = JobState.Queued, JobId = entry.JobId, PollAfter = TimeSpan.Zero };
            case JobLedgerState.Submitting when IsSomeoneElsesLiveSubmit(entry, job):
                return new JobStatus { State = JobState.Queued, PollAfter = WaitForOtherFilm };
            case JobLedgerState.Submitting when !model.Capabilities.ResubmitIsFree:
                await ledger.WriteAsync(entry with { State = JobLedgerState.Failed, UpdatedUtc = Now(), Failure = "interrupted submit" }, context.CancellationToken);
                return JobStatus.Failed(null, FailureReason.Transient, "ambiguous-submit",
                    $"an earlier submit to {attempt.Model} was interrupted after it may have been sent; it was not sent again, so the job cannot be paid for twice");
        }

        var submitting = new JobLedgerEntry(
            attempt.ContentKey, attempt.Model, job.FilmId, job.ShotId, JobLedgerState.Submitting, null, (entry?.Submissions ?? 0) + 1, Now());
        if (entry is null)
        {
            if (!await ledger.TryCreateAsync(submitting, context.CancellationToken))
            {
                return new JobStatus { State = JobState.Queued, PollAfter = WaitForOtherFilm };
            }
        }
        else
        {
            await ledger.WriteAsync(submitting, context.CancellationToken);
        }

        var status = await model.SubmitAsync(attempt.Request, attempt.ContentKey, context.CancellationToken);
        var state = status.State switch
        {
            JobState.Failed => JobLedgerState.Failed,
            JobState.Succeeded => JobLedgerState.Succeeded,
            _ => JobLedgerState.Submitted,
        };
        await ledger.WriteAsync(submitting with { State = state, JobId = status.JobId, UpdatedUtc = Now(), Failure = status.Failure?.Message }, CancellationToken.None);
        return status;
    }

    private bool IsSomeoneElsesLiveSubmit(JobLedgerEntry entry, ShotJob job) =>
        (entry.FilmId != job.FilmId || entry.ShotId != job.ShotId) && Now() - entry.UpdatedUtc < StaleSubmit;

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
