using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Asks a model how a job is doing. A job that failed is marked so in the ledger, so it is never
/// reused. A running job holds its model slot again, in case this process restarted since it took it.
/// </summary>
public sealed class PollShotActivity(IVideoModelCatalog models, JobLedger ledger, IModelSlots slots, TimeProvider time, IHostApplicationLifetime host) : TaskActivity<JobQuery, JobStatus>
{
    public override async Task<JobStatus> RunAsync(TaskActivityContext context, JobQuery query)
    {
        if (query.SlotGroup is { } group) await slots.HoldAsync(group, query.ContentKey, host.ApplicationStopping);
        var model = models.Find(query.Model) ?? throw new InvalidOperationException($"Model '{query.Model}' is not available in this host.");
        var status = await model.GetStatusAsync(query.JobId, host.ApplicationStopping);
        if (status.State == JobState.Failed && await ledger.GetAsync(query.ContentKey, host.ApplicationStopping) is { } entry && entry.JobId == query.JobId)
        {
            await ledger.WriteAsync(entry with { State = JobLedgerState.Failed, UpdatedUtc = time.GetUtcNow().UtcDateTime, Failure = status.Failure?.Message }, host.ApplicationStopping);
        }

        return status;
    }
}
