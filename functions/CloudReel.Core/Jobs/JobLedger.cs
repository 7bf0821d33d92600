using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Jobs;

/// <summary>
/// Which provider job makes which clip, kept in the clip store beside the clips (jobs/&lt;key&gt;.json)
/// so every film and every host sees it. The entry is written before a job is sent and again with
/// the job id the moment the service answers: a restart resumes polling, never pays twice.
/// </summary>
public sealed class JobLedger(IClipStore store)
{
    public async Task<JobLedgerEntry?> GetAsync(string contentKey, CancellationToken cancellationToken = default)
    {
        var name = StoreLayout.JobRecord(contentKey);
        if (!await store.ExistsAsync(name, cancellationToken)) return null;
        return WorkflowJson.Deserialize<JobLedgerEntry>(await store.ReadTextAsync(name, cancellationToken));
    }

    /// <summary>Creates the entry unless one exists; false when another writer got there first.</summary>
    public Task<bool> TryCreateAsync(JobLedgerEntry entry, CancellationToken cancellationToken = default) =>
        store.PutTextAsync(StoreLayout.JobRecord(entry.ContentKey), WorkflowJson.Serialize(entry), "application/json", overwrite: false, cancellationToken);

    public Task WriteAsync(JobLedgerEntry entry, CancellationToken cancellationToken = default) =>
        store.PutTextAsync(StoreLayout.JobRecord(entry.ContentKey), WorkflowJson.Serialize(entry), "application/json", overwrite: true, cancellationToken);

    /// <summary>Forgets a clip's entry: only for a submit the service deferred before any job existed.</summary>
    public Task DeleteAsync(string contentKey, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(StoreLayout.JobRecord(contentKey), cancellationToken);
}

/// <summary>One clip's job, as the ledger records it.</summary>
public sealed record JobLedgerEntry(
    string ContentKey,
    string Model,
    string FilmId,
    string ShotId,
    JobLedgerState State,
    string? JobId,
    int Submissions,
    DateTime UpdatedUtc,
    string? Failure = null);

public enum JobLedgerState
{
    /// <summary>About to be sent: if the process dies now, nobody knows whether the service took it.</summary>
    Submitting,
    Submitted,
    Succeeded,
    Failed,
}
