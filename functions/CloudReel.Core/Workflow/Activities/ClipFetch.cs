using System.Security.Cryptography;
using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Fetches a finished job's clip at once (provider links expire), probes it, and only then files it in
/// the store under its content key, with its record. A bad clip never enters the cache. The cost
/// recorded is what the service says it charged, else the estimate.
/// </summary>
internal sealed class ClipFetch(IClipStore store, IMediaEngine media, IScratchSpace scratch, JobLedger ledger, TimeProvider time)
{
    public async Task<ClipRecord> FetchAsync(IVideoModel model, ModelAttempt attempt, JobStatus succeeded, CancellationToken cancellation)
    {
        using var directory = scratch.CreateDirectory("download");
        try
        {
            await using var file = directory.CreateFile("clip.mp4");
            await model.DownloadAsync(succeeded, file, cancellation);
        }
        catch (ClipUnavailableException)
        {
            // The job's clip is gone for good: a later run must make it again, not wait for this job.
            await MarkLedgerAsync(attempt.ContentKey, JobLedgerState.Failed, "clip unavailable", cancellation);
            throw;
        }

        ClipProbe probe;
        try
        {
            probe = await media.ProbeAsync(directory.FilePath("clip.mp4"), cancellation);
            if (probe.DurationSeconds < attempt.Request.Seconds * 0.5)
            {
                throw new BadClipException($"the clip runs {probe.DurationSeconds:0.##} s, far short of the {attempt.Request.Seconds:0.##} s asked for");
            }
        }
        catch (BadClipException)
        {
            await MarkLedgerAsync(attempt.ContentKey, JobLedgerState.Failed, "bad clip", cancellation);
            throw;
        }

        var (sha256, bytes) = await HashAsync(directory, cancellation);
        var record = new ClipRecord
        {
            ContentKey = attempt.ContentKey,
            Model = attempt.Model,
            ModelVersion = attempt.ModelVersion,
            Prompt = attempt.Request.Prompt,
            Seed = attempt.Request.Seed,
            RequestedSeconds = attempt.Request.Seconds,
            Sha256 = sha256,
            Bytes = bytes,
            Probe = probe,
            JobId = succeeded.JobId,
            Cost = succeeded.Cost ?? attempt.EstimatedCost,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };

        // The clip first, then its record: a record always points at a complete clip.
        await using (var clip = directory.OpenRead("clip.mp4"))
        {
            await store.PutAsync(StoreLayout.Clip(attempt.ContentKey), clip, "video/mp4", overwrite: false, cancellation);
        }

        await store.PutTextAsync(StoreLayout.ClipRecord(attempt.ContentKey), WorkflowJson.Serialize(record), "application/json", overwrite: false, cancellation);
        await MarkLedgerAsync(attempt.ContentKey, JobLedgerState.Succeeded, null, cancellation);
        return record;
    }

    private static async Task<(string Sha256, long Bytes)> HashAsync(IScratchDirectory directory, CancellationToken cancellation)
    {
        await using var clip = directory.OpenRead("clip.mp4");
        var hash = await SHA256.HashDataAsync(clip, cancellation);
        return (Convert.ToHexString(hash).ToLowerInvariant(), clip.Length);
    }

    private async Task MarkLedgerAsync(string contentKey, JobLedgerState state, string? failure, CancellationToken cancellation)
    {
        if (await ledger.GetAsync(contentKey, cancellation) is { } entry)
        {
            await ledger.WriteAsync(entry with { State = state, UpdatedUtc = time.GetUtcNow().UtcDateTime, Failure = failure }, cancellation);
        }
    }
}
