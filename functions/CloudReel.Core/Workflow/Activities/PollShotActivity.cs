using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Asks a model how a job is doing. A job that failed is marked so in the ledger, so it is never
/// reused. A running job holds its model slot again, in case this process restarted since it took it.
/// </summary>
public sealed class PollShotActivity(IVideoModelCatalog models, JobLedger ledger, IModelSlots slots, TimeProvider time) : Activity<JobQuery, JobStatus>
{
    public override async Task<JobStatus> RunAsync(ActivityContext context, JobQuery query)
    {
        if (query.SlotGroup is { } group) await slots.HoldAsync(group, query.ContentKey, context.CancellationToken);
        var model = models.Find(query.Model) ?? throw new InvalidOperationException($"Model '{query.Model}' is not available in this host.");
        var status = await model.GetStatusAsync(query.JobId, context.CancellationToken);
        if (status.State == JobState.Failed && await ledger.GetAsync(query.ContentKey, context.CancellationToken) is { } entry && entry.JobId == query.JobId)
        {
            await ledger.WriteAsync(entry with { State = JobLedgerState.Failed, UpdatedUtc = time.GetUtcNow().UtcDateTime, Failure = status.Failure?.Message }, context.CancellationToken);
        }

        return status;
    }
}
