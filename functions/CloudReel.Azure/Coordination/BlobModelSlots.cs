using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using CloudReel.Azure.Store;
using CloudReel.Core.Ports;

namespace CloudReel.Azure.Coordination;

/// <summary>
/// <see cref="IModelSlots"/> across every orchestration and every instance of the Functions app:
/// each slot group is one small JSON blob (clips container, slots/), changed under ETag conditions,
/// with the same rules as the local engine's ProcessModelSlots: idempotent
/// acquire per holder, <see cref="HoldAsync"/> may go over capacity, release frees the slot.
/// </summary>
/// <remarks>
/// Locally a restart forgets every slot and running jobs take theirs back at their next poll. A
/// blob is never restarted, so a holder that has not acquired or polled for <paramref name="staleAfter"/>
/// (its orchestration was terminated, or the job outlived every timeout) is dropped instead.
/// </remarks>
public sealed class BlobModelSlots(BlobServiceClient blobs, TimeProvider time, TimeSpan? staleAfter = null, BlobContainers? containers = null) : IModelSlots
{
    /// <summary>Longer than any job's timeout and poll interval, so a live job never loses its slot.</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromHours(6);

    private readonly TimeSpan _staleAfter = staleAfter ?? DefaultStaleAfter;
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient((containers ?? BlobContainers.Default).Clips);

    public Task<bool> TryAcquireAsync(string group, string holder, int capacity, CancellationToken cancellationToken = default) =>
        Document(group).UpdateAsync(slots =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var evicted = slots.EvictStale(now - _staleAfter);
            if (slots.Holders.ContainsKey(holder) || slots.Holders.Count < capacity)
            {
                slots.Holders[holder] = now;
                return (slots, true);
            }

            return (evicted ? slots : null, false);
        }, cancellationToken);

    public Task HoldAsync(string group, string holder, CancellationToken cancellationToken = default) =>
        Document(group).UpdateAsync(slots =>
        {
            slots.Holders[holder] = time.GetUtcNow().UtcDateTime;
            return (slots, true);
        }, cancellationToken);

    public Task ReleaseAsync(string group, string holder, CancellationToken cancellationToken = default) =>
        Document(group).UpdateAsync(slots => (slots.Holders.Remove(holder) ? slots : null, true), cancellationToken);

    /// <summary>The holders of a group now, stale ones included (for tests and operators).</summary>
    public async Task<IReadOnlyCollection<string>> HoldersAsync(string group, CancellationToken cancellationToken = default) =>
        (await Document(group).ReadAsync(cancellationToken)).Value.Holders.Keys;

    /// <summary>slots/&lt;readable part of the group&gt;-&lt;hash&gt;.json: any group name maps to one safe, distinct blob.</summary>
    public static string BlobNameOf(string group)
    {
        var readable = new string(group.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(group)))[..12].ToLowerInvariant();
        return $"{BlobContainers.SlotsFolder}{(readable.Length > 60 ? readable[..60] : readable)}-{hash}.json";
    }

    private BlobJsonDocument<SlotGroupDocument> Document(string group) => new(_container.GetBlobClient(BlobNameOf(group)));
}

/// <summary>One slot group's blob: each holder (a clip's content key) and when it last acquired or polled.</summary>
public sealed class SlotGroupDocument
{
    public Dictionary<string, DateTime> Holders { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Drops holders last seen before <paramref name="cutoff"/>; true when any was dropped.</summary>
    public bool EvictStale(DateTime cutoff)
    {
        var stale = Holders.Where(h => h.Value < cutoff).Select(h => h.Key).ToList();
        foreach (var holder in stale) Holders.Remove(holder);
        return stale.Count > 0;
    }
}
