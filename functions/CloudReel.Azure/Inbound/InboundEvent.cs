namespace CloudReel.Azure.Inbound;

/// <summary>What an Event Grid event delivered to CloudReel means.</summary>
public abstract record InboundEvent(string EventId);

/// <summary>Event Grid asks the endpoint to prove it wants events: answer with <see cref="Response"/>.</summary>
public sealed record SubscriptionValidation(string EventId, string ValidationCode, Uri? ValidationUrl) : InboundEvent(EventId)
{
    /// <summary>The JSON body to answer with (HTTP 200).</summary>
    public string Response => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["validationResponse"] = ValidationCode });
}

/// <summary>
/// An integrator dropped a batch's data file into the orders container, at incoming/batches/&lt;name&gt;/data.csv
/// (or data.jsonl, data.json), beside its template.yaml (or .yml, .json) and the pictures the rows name.
/// </summary>
public sealed record BatchSubmitted(string EventId, string Folder, string DataBlobName, string ETag, Uri BlobUrl) : InboundEvent(EventId);

/// <summary>An integrator dropped an order into the orders container (under incoming/).</summary>
public sealed record OrderSubmitted(string EventId, string BlobName, string ETag, Uri BlobUrl) : InboundEvent(EventId);

/// <summary>The assembler wrote films/&lt;film-id&gt;/assembly-result.json, its last write: the film is assembled.</summary>
public sealed record AssemblyCompleted(string EventId, string FilmId, string ETag, Uri BlobUrl) : InboundEvent(EventId);

/// <summary>An event CloudReel has nothing to do with (another container, another event type, a staged file).</summary>
public sealed record IgnoredEvent(string EventId, string Reason) : InboundEvent(EventId);

/// <summary>A delivery that is not what Event Grid sends; the message says which event and which field.</summary>
public sealed class InboundEventException(string message) : Exception(message);
