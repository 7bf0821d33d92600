using System.Globalization;
using System.Text.Json.Nodes;

namespace CloudReel.Models.ComfyUI;

/// <summary>
/// Fills a ComfyUI workflow graph (API format) for one shot. A string that is exactly a placeholder
/// (<c>"{{seed}}"</c>) becomes the value with its type (numbers stay numbers); placeholders inside
/// longer strings are replaced as text. Placeholders: prompt, seed, width, height, seconds, frames,
/// fps, image.
/// </summary>
public static class WorkflowTemplate
{
    public static JsonObject Fill(string graphJson, IReadOnlyDictionary<string, JsonValue> values)
    {
        var graph = JsonNode.Parse(graphJson) as JsonObject ?? throw new FormatException("the workflow graph is not a JSON object of nodes (API format)");
        if (graph.Any(node => node.Value is not JsonObject n || n["class_type"] is null))
        {
            throw new FormatException("the workflow graph is not in API format: every node needs a class_type (export it with 'Save (API)')");
        }

        return (JsonObject)Replace(graph, values)!;
    }

    /// <summary>The placeholders a graph uses.</summary>
    public static IReadOnlySet<string> PlaceholdersIn(string graphJson)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var at = graphJson.IndexOf("{{", StringComparison.Ordinal); at >= 0; at = graphJson.IndexOf("{{", at + 2, StringComparison.Ordinal))
        {
            var end = graphJson.IndexOf("}}", at, StringComparison.Ordinal);
            if (end > at) found.Add(graphJson[(at + 2)..end].Trim());
        }

        return found;
    }

    public static Dictionary<string, JsonValue> Values(string prompt, long seed, int width, int height, double seconds, int fps, string? image)
    {
        var values = new Dictionary<string, JsonValue>(StringComparer.Ordinal)
        {
            ["prompt"] = JsonValue.Create(prompt),
            ["seed"] = JsonValue.Create(seed),
            ["width"] = JsonValue.Create(width),
            ["height"] = JsonValue.Create(height),
            ["seconds"] = JsonValue.Create(seconds),
            ["frames"] = JsonValue.Create((int)Math.Round(seconds * fps)),
            ["fps"] = JsonValue.Create(fps),
        };
        if (image is not null) values["image"] = JsonValue.Create(image);
        return values;
    }

    private static JsonNode? Replace(JsonNode? node, IReadOnlyDictionary<string, JsonValue> values) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Replace(p.Value, values)))),
        JsonArray array => new JsonArray(array.Select(item => Replace(item, values)).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => ReplaceText(text, values),
        _ => node?.DeepClone(),
    };

    private static JsonNode ReplaceText(string text, IReadOnlyDictionary<string, JsonValue> values)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal)
            && values.TryGetValue(trimmed[2..^2].Trim(), out var whole) && trimmed.IndexOf("{{", 2, StringComparison.Ordinal) < 0)
        {
            return whole.DeepClone();
        }

        foreach (var (name, value) in values)
        {
            var replacement = value.TryGetValue<string>(out var s) ? s : value.ToJsonString();
            text = text.Replace("{{" + name + "}}", replacement, StringComparison.Ordinal);
        }

        return JsonValue.Create(text);
    }

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
