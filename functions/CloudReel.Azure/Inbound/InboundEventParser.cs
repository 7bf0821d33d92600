using System.Text.Json;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Azure.Inbound;

/// <summary>
/// Reads what Event Grid delivers (to the Functions app's storage-events queue, or to a webhook), in the Event Grid
/// schema or the CloudEvents 1.0 schema: the subscription validation handshake, BlobCreated in the
/// orders container (under incoming/: an order was submitted) and in the films container
/// (&lt;film-id&gt;/assembly-result.json: assembly completed). Events for other containers, other types
/// or files CloudReel staged itself are ignored; malformed ones are rejected with a clear error.
/// </summary>
public sealed class InboundEventParser(string ordersContainer = "orders", string filmsContainer = "films", string? accountName = null)
{
    public const string BlobCreated = "Microsoft.Storage.BlobCreated";
    public const string SubscriptionValidationType = "Microsoft.EventGrid.SubscriptionValidationEvent";

    /// <summary>Where integrators drop orders in the orders container; CloudReel stages films beside it under &lt;film-id&gt;/.</summary>
    public const string IncomingFolder = "incoming/";

    private const string SubjectPrefix = "/blobServices/default/containers/";

    /// <summary>
    /// Where integrators drop batches: incoming/batches/&lt;name&gt;/ holds template.yaml and the rows' pictures,
    /// and the batch starts when its data file (data.csv, data.jsonl or data.json) lands.
    /// </summary>
    public const string BatchesFolder = IncomingFolder + "batches/";

    public static readonly IReadOnlyList<string> BatchDataFiles = ["data.csv", "data.jsonl", "data.json"];

    private static readonly string[] OrderExtensions = [".yaml", ".yml", ".json"];

    public IReadOnlyList<InboundEvent> Parse(BinaryData body)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body.ToMemory()).RootElement;
        }
        catch (JsonException error)
        {
            throw new InboundEventException($"The delivery is not JSON: {error.Message}");
        }

        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        if (items.Count == 0) throw new InboundEventException("The delivery holds no events.");
        return items.Select((item, index) => Read(item, index)).ToList();
    }

    private InboundEvent Read(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new InboundEventException($"Event {index} is not a JSON object.");
        var where = $"Event {index}";
        var envelope = item.TryGetProperty("specversion", out _) ? InboundEnvelope.CloudEvent(item, where) : InboundEnvelope.EventGrid(item, where);
        where = $"{where} ({envelope.Id})";

        if (envelope.Type == SubscriptionValidationType)
        {
            var code = envelope.RequireData(where, "validationCode");
            Uri? validationUrl = envelope.Data.TryGetProperty("validationUrl", out var link) && link.ValueKind == JsonValueKind.String ? new Uri(link.GetString()!) : null;
            return new SubscriptionValidation(envelope.Id, code, validationUrl);
        }

        if (envelope.Type != BlobCreated) return new IgnoredEvent(envelope.Id, $"type {envelope.Type}");
        if (accountName is not null && envelope.Account is { } account && !account.Equals(accountName, StringComparison.OrdinalIgnoreCase))
        {
            return new IgnoredEvent(envelope.Id, $"storage account {account}");
        }

        var (container, blob) = BlobOf(envelope.Subject, where);
        var etag = envelope.RequireData(where, "eTag");
        var url = Uri.TryCreate(envelope.RequireData(where, "url"), UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http"
            ? parsed
            : throw new InboundEventException($"{where}: data.url is not an absolute http(s) URL.");

        if (container == ordersContainer && blob.StartsWith(BatchesFolder, StringComparison.Ordinal))
        {
            var parts = blob[BatchesFolder.Length..].Split('/');
            return parts.Length == 2 && BatchDataFiles.Contains(parts[1])
                ? new BatchSubmitted(envelope.Id, $"{BatchesFolder}{parts[0]}/", blob, etag, url)
                : new IgnoredEvent(envelope.Id, $"orders/{blob} is not a batch's data file ({BatchesFolder}<name>/data.csv, .jsonl or .json)");
        }

        if (container == ordersContainer)
        {
            return blob.StartsWith(IncomingFolder, StringComparison.Ordinal) && OrderExtensions.Any(e => blob.EndsWith(e, StringComparison.OrdinalIgnoreCase))
                ? new OrderSubmitted(envelope.Id, blob, etag, url)
                : new IgnoredEvent(envelope.Id, $"orders/{blob} is not an order under {IncomingFolder}");
        }

        if (container == filmsContainer)
        {
            var slash = blob.IndexOf('/', StringComparison.Ordinal);
            var filmId = slash > 0 ? blob[..slash] : "";
            return StoreLayout.IsValidId(filmId) && blob[(slash + 1)..] == AssemblyJobMessage.ResultFileName
                ? new AssemblyCompleted(envelope.Id, filmId, etag, url)
                : new IgnoredEvent(envelope.Id, $"films/{blob} is not an assembly result");
        }

        return new IgnoredEvent(envelope.Id, $"container {container}");
    }

    /// <summary>"/blobServices/default/containers/{container}/blobs/{name}", with a name safe to use as a store name.</summary>
    private static (string Container, string Blob) BlobOf(string subject, string where)
    {
        const string BlobsMarker = "/blobs/";
        var marker = subject.IndexOf(BlobsMarker, StringComparison.Ordinal);
        if (!subject.StartsWith(SubjectPrefix, StringComparison.Ordinal) || marker < SubjectPrefix.Length)
        {
            throw new InboundEventException($"{where}: subject '{subject}' is not /blobServices/default/containers/<container>/blobs/<name>.");
        }

        var container = subject[SubjectPrefix.Length..marker];
        var blob = subject[(marker + BlobsMarker.Length)..];
        if (!StoreLayout.IsSafeRelativePath(blob))
        {
            throw new InboundEventException($"{where}: blob name '{blob}' is not a safe name (no '..', '.', empty segments, backslashes or control characters).");
        }

        return (container, blob);
    }
}
