using System.Text.Json.Nodes;
using CloudReel.Core.Orders;

namespace CloudReel.Models.Planning;

/// <summary>
/// The JSON schema the chat model must answer in (strict structured output: every property
/// required, no others): recurring characters with a fixed look, and shots that name them.
/// </summary>
public static class PlanSchema
{
    public const string Name = "film_plan";

    public static JsonObject For(IReadOnlyList<string> languages) => Object(
        ("characters", Array(Object(
            ("name", Text("A short name used in every shot the character appears in.")),
            ("look", Text("A fixed visual description (age, build, clothes, colours) repeated verbatim wherever the character appears."))))),
        ("shots", Array(Object(
            ("id", Text("Lower-case letters, digits and dashes, unique, at most 40 characters.")),
            ("prompt", Text("What the camera sees: subject, action, setting, light. No camera moves and no style words.")),
            ("seconds", new JsonObject { ["type"] = "number" }),
            ("camera", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. CameraMoves.All.Select(m => JsonValue.Create(m))]) }),
            ("characters", Array(Text("A name from 'characters'."))),
            ("captions", Array(Object(
                ("language", languages.Count > 0
                    ? new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. languages.Select(l => JsonValue.Create(l))]) }
                    : Text("A caption language.")),
                ("text", Text("At most two short lines.")))))))));

    private static JsonObject Object(params (string Name, JsonNode Schema)[] properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Schema))),
        ["required"] = new JsonArray([.. properties.Select(p => JsonValue.Create(p.Name))]),
        ["additionalProperties"] = false,
    };

    private static JsonObject Array(JsonNode items) => new() { ["type"] = "array", ["items"] = items };

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };
}
