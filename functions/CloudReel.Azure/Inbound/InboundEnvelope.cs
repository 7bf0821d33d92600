using System.Text.Json;

namespace CloudReel.Azure.Inbound;

/// <summary>The fields CloudReel reads from one event, in either schema, with every required one checked.</summary>
internal sealed record InboundEnvelope(string Id, string Type, string Subject, string? Account, JsonElement Data)
{
    /// <summary>Event Grid schema: id, eventType, subject, eventTime, dataVersion, data (topic names the account).</summary>
    public static InboundEnvelope EventGrid(JsonElement item, string where)
    {
        var id = Require(item, "id", where);
        where = $"{where} ({id})";
        Require(item, "eventTime", where);
        Require(item, "dataVersion", where, allowEmpty: true);
        return new InboundEnvelope(id, Require(item, "eventType", where), Require(item, "subject", where, allowEmpty: true), AccountOf(Optional(item, "topic")), DataOf(item, where));
    }

    /// <summary>CloudEvents 1.0: specversion, id, source, type; subject and data for storage events (source names the account).</summary>
    public static InboundEnvelope CloudEvent(JsonElement item, string where)
    {
        var id = Require(item, "id", where);
        where = $"{where} ({id})";
        var version = Require(item, "specversion", where);
        if (version != "1.0") throw new InboundEventException($"{where}: specversion '{version}' is not 1.0.");
        var source = Require(item, "source", where);
        var type = Require(item, "type", where);
        var subject = Optional(item, "subject") ?? (type.StartsWith("Microsoft.Storage.", StringComparison.Ordinal)
            ? throw new InboundEventException($"{where}: a storage event needs a 'subject'.")
            : "");
        return new InboundEnvelope(id, type, subject, AccountOf(source), DataOf(item, where));
    }

    public string RequireData(string where, string name) =>
        Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InboundEventException($"{where}: data.{name} is missing.");

    private static JsonElement DataOf(JsonElement item, string where) =>
        item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data
            : throw new InboundEventException($"{where}: 'data' is missing or not an object.");

    private static string Require(JsonElement item, string name, string where, bool allowEmpty = false) =>
        Optional(item, name) is { } text && (allowEmpty || text.Length > 0)
            ? text
            : throw new InboundEventException($"{where}: '{name}' is missing.");

    private static string? Optional(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The account of ".../providers/Microsoft.Storage/storageAccounts/{name}", or null.</summary>
    private static string? AccountOf(string? resource)
    {
        const string Marker = "/storageAccounts/";
        var at = resource?.LastIndexOf(Marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        return at < 0 ? null : resource![(at + Marker.Length)..].Split('/')[0];
    }
}
