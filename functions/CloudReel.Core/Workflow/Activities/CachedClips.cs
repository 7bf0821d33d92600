using CloudReel.Core.Models;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// A clip served from the cache is the clip that was made: its record, and its bytes matching the
/// record's size and SHA-256 (<see cref="CachedContent"/>). A damaged clip is quarantined with its
/// record and its normalised copies, and counts as a miss, so the shot is made (or fetched from its
/// recorded job) again instead of a frozen or broken shot reaching the film.
/// </summary>
internal sealed class CachedClips(IClipStore store, TimeProvider time)
{
    public async Task<ClipRecord?> FindAsync(string contentKey, CancellationToken cancellation)
    {
        var clipName = StoreLayout.Clip(contentKey);
        var recordName = StoreLayout.ClipRecord(contentKey);
        if (!await store.ExistsAsync(clipName, cancellation) || !await store.ExistsAsync(recordName, cancellation)) return null;
        var record = WorkflowJson.Deserialize<ClipRecord>(await store.ReadTextAsync(recordName, cancellation));
        if (record is not null && await CachedContent.IsIntactAsync(store, clipName, record.Bytes, record.Sha256, cancellation)) return record;

        var normalised = (await store.ListAsync(StoreLayout.ClipsPrefix + "normalised/", cancellation))
            .Where(name => name.EndsWith("/" + contentKey + ".mp4", StringComparison.Ordinal) || name.EndsWith("/" + contentKey + ".json", StringComparison.Ordinal));
        await CachedContent.QuarantineAsync(store, [clipName, recordName, .. normalised], time.GetUtcNow(), cancellation);
        return null;
    }
}
