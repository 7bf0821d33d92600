using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Asks a model how a job is doing. A running job holds its model slot again (in case this process
/// restarted since it took it); a finished one gives it back. A job that failed is marked so in the
/// ledger, so it is never reused; a job that succeeded has its clip fetched in the same call, before
/// the service's link to it can expire (see <see cref="ClipFetch"/>).
/// </summary>
public sealed class PollShotActivity(
    IVideoModelCatalog models, JobLedger ledger, IModelSlots slots, IClipStore store, IMediaEngine media, IScratchSpace scratch, TimeProvider time, IHostApplicationLifetime host)
    : TaskActivity<JobQuery, JobProgress>
{
    private readonly ClipFetch _fetch = new(store, media, scratch, ledger, time);

    public override async Task<JobProgress> RunAsync(TaskActivityContext context, JobQuery query)
    {
        var cancellation = host.ApplicationStopping;
        var attempt = query.Attempt;
        var model = models.Find(attempt.Model) ?? throw new InvalidOperationException($"Model '{attempt.Model}' is not available in this host.");
        var status = await model.GetStatusAsync(query.JobId, cancellation);
        if (ModelSlotRequest.For(attempt) is { } slot)
        {
            if (status.IsTerminal) await slots.ReleaseAsync(slot.Group, slot.Holder, cancellation);
            else await slots.HoldAsync(slot.Group, slot.Holder, cancellation);
        }

        switch (status.State)
        {
            case JobState.Succeeded:
                return new JobProgress(status, await _fetch.FetchAsync(model, attempt, status, cancellation));
            case JobState.Failed when await ledger.GetAsync(attempt.ContentKey, cancellation) is { } entry && entry.JobId == query.JobId:
                await ledger.WriteAsync(entry with { State = JobLedgerState.Failed, UpdatedUtc = time.GetUtcNow().UtcDateTime, Failure = status.Failure?.Message }, cancellation);
                break;
        }

        return new JobProgress(status);
    }
}
