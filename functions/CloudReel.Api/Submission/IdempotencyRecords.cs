using CloudReel.Core.Intake;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Api.Submission;

/// <summary>
/// Idempotency keys of film submissions, kept in the store (orders/_idempotency/&lt;sha256 of the key&gt;.json,
/// created only if absent, so two racing requests with one key agree on one film). The key itself is
/// never stored; the record says which film it started and a hash of the request it came with.
/// </summary>
public sealed class IdempotencyRecords(IClipStore store)
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    public async Task<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var name = NameOf(key);
        return await store.ExistsAsync(name, cancellationToken)
            ? WorkflowJson.Deserialize<IdempotencyRecord>(await store.ReadTextAsync(name, cancellationToken))
            : null;
    }

    /// <summary>Records the key's film; false when another request recorded the key first (read it with <see cref="FindAsync"/>).</summary>
    public Task<bool> TryCreateAsync(string key, IdempotencyRecord record, CancellationToken cancellationToken) =>
        store.PutTextAsync(NameOf(key), WorkflowJson.Serialize(record), "application/json", overwrite: false, cancellationToken);

    private static string NameOf(string key) => $"{StoreLayout.OrdersPrefix}_idempotency/{FilmIds.Hash("idempotency-key", key)}.json";
}

/// <summary>What a used idempotency key started: the film, its staged order, and a hash of the request.</summary>
public sealed record IdempotencyRecord(string FilmId, string OrderName, string RequestHash, DateTime CreatedUtc);
