using System.Text.Json.Nodes;

namespace CloudReel.Models.Judging;

/// <summary>The strict structured output the judge answers in: pass or fail, a score from 0 to 1, and the reason.</summary>
public static class JudgeSchema
{
    public const string Name = "clip_verdict";

    public static JsonObject Create() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["pass"] = new JsonObject { ["type"] = "boolean", ["description"] = "True when the frames show the shot, its characters as their references show them, and the film's look." },
            ["score"] = new JsonObject { ["type"] = "number", ["description"] = "0 (nothing matches) to 1 (everything matches)." },
            ["reason"] = new JsonObject { ["type"] = "string", ["description"] = "One or two sentences: what matches and what does not, naming the character or the frame." },
        },
        ["required"] = new JsonArray("pass", "score", "reason"),
        ["additionalProperties"] = false,
    };
}

/// <summary>The judge's answer as it comes.</summary>
public sealed record JudgeAnswer(bool Pass, double Score, string Reason);
