using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudReel.Models.Http;

/// <summary>
/// Tolerant reading of service JSON: numbers that arrive as strings, ids that arrive as numbers,
/// fields that are absent. Writing is plain <see cref="JsonObject"/>s.
/// </summary>
public static class Json
{
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(text) ?? throw new JsonException("the answer is empty");
    }

    /// <summary>Parses an error body if it is JSON; null for anything else (HTML error pages, empty bodies).</summary>
    public static JsonNode? TryParse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var step in path)
        {
            node = node switch
            {
                JsonObject obj => obj[step],
                JsonArray array when int.TryParse(step, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }

    public static string? Text(JsonNode? node, params string[] path) => At(node, path) is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    public static string RequireText(JsonNode? node, params string[] path) =>
        Text(node, path) is { Length: > 0 } text ? text : throw new KeyNotFoundException($"'{string.Join('.', path)}' is missing");

    public static decimal? Decimal(JsonNode? node, params string[] path) =>
        Text(node, path) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static JsonArray? Array(JsonNode? node, params string[] path) => At(node, path) as JsonArray;

    public static StringContent Body(JsonNode body) => Body(body.ToJsonString());

    /// <summary>A JSON body from text already serialized (each retry needs its own content).</summary>
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The first message-like text in an error body, for the attempt's record.</summary>
    public static string MessageOf(JsonNode? body, string fallback, params string[][] paths)
    {
        foreach (var path in paths)
        {
            if (Text(body, path) is { Length: > 0 } text) return text;
        }

        return fallback;
    }
}
