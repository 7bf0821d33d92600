using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Testing.Fakes;

/// <summary>
/// Volcengine Ark's content-generation tasks (Seedance), under /api/v3: Bearer key; a content list
/// of text and image_url items with roles first_frame / last_frame / reference_image (modes that
/// cannot be mixed); ratio and duration either as text commands in the prompt (--ratio 16:9
/// --duration 5, or --rt / --dur) or as top-level fields; create answers only {id}; statuses
/// queued / running / succeeded / failed with error codes; timestamps in seconds; token usage.
/// </summary>
public sealed partial class FakeArk(string apiKey = "ark-key") : FakeService
{
    /// <summary>How each accepted task passed its ratio and duration: "text" or "fields".</summary>
    public List<string> ParameterStyles { get; } = [];

    public string BaseUrl => Root + "/api/v3";

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v3/contents/generations/tasks", (Delegate)CreateAsync);
        app.MapGet("/api/v3/contents/generations/tasks/{id}", async (string id, HttpContext context) =>
            Authorized(context) ?? await ReadAsync(Operation.Status, context, () =>
                Jobs.TryGetValue(id, out var job) ? JsonAnswer(TaskJson(job)) : Error(404, "ResourceNotFound", "the task does not exist")));
    }

    protected override IResult Error(int status, string code, string message) =>
        JsonAnswer(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["param"] = "", ["type"] = status == 429 ? "TooManyRequests" : "BadRequest" } }, status);

    protected override IResult FaultAnswer(Fault fault) => fault.Kind switch
    {
        FaultKind.TooManyRequests => RetryAfter(Error(429, "RateLimitExceeded.EndpointRPMExceeded", "the endpoint's RPM limit was exceeded"), fault.Delay),
        FaultKind.Moderation => Error(400, "InputTextSensitiveContentDetected", "The request failed because the input text may contain sensitive information."),
        FaultKind.QuotaExhausted => Error(403, "AccountOverdueError", "the account is overdue"),
        _ => Error(fault.Status, "InternalServiceError", "internal service error"),
    };

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        if (Authorized(context) is { } denied) return denied;
        var body = await BodyAsync(context);
        var content = body?["content"] as JsonArray;
        var text = content?.FirstOrDefault(c => c?["type"]?.GetValue<string>() == "text")?["text"]?.GetValue<string>();
        if (body?["model"]?.GetValue<string>() is not { Length: > 0 } || text is null) return Error(400, "MissingParameter", "model and a text content item are required");
        var commands = Commands(text);
        var fromText = commands.ContainsKey("duration") || commands.ContainsKey("ratio");
        var seconds = commands.TryGetValue("duration", out var d) ? int.Parse(d, CultureInfo.InvariantCulture) : body["duration"]?.GetValue<int>() ?? 5;
        var ratio = commands.TryGetValue("ratio", out var r) ? r : body["ratio"]?.GetValue<string>() ?? "16:9";
        if (seconds is < 2 or > 12) return Error(400, "InvalidParameter.Duration", "duration must be 2–12 s");
        if (ratio is not ("16:9" or "4:3" or "1:1" or "3:4" or "9:16" or "21:9" or "adaptive" or "keep_ratio")) return Error(400, "InvalidParameter.Ratio", "invalid ratio");
        if (ImageProblem(content!) is { } problem) return Error(400, "InvalidParameter", problem);
        return await SubmitAsync(context, () =>
        {
            ParameterStyles.Add(fromText ? "text" : "fields");
            var job = new FakeJob("cgt-2026" + NextId(""), null, seconds, body, DateTimeOffset.UtcNow);
            job.Request["ratio_used"] = ratio;
            return (job, JsonAnswer(new JsonObject { ["id"] = job.Id }));
        });
    }

    private static string? ImageProblem(JsonArray content)
    {
        var images = content.Where(c => c?["type"]?.GetValue<string>() == "image_url").ToList();
        var roles = images.Select(i => i?["role"]?.GetValue<string>() ?? "first_frame").ToList();
        if (roles.Any(role => role is not ("first_frame" or "last_frame" or "reference_image"))) return "unknown image role";
        if (roles.Contains("reference_image") && roles.Any(role => role != "reference_image")) return "reference images cannot be mixed with first or last frames";
        if (roles.Count(role => role == "reference_image") > 4) return "at most 4 reference images";
        if (roles.Contains("last_frame") && !roles.Contains("first_frame")) return "a last frame needs a first frame";
        foreach (var url in images.Select(i => i?["image_url"]?["url"]?.GetValue<string>()))
        {
            if (url is null || !(url.StartsWith("http", StringComparison.Ordinal) || DataUrl().IsMatch(url))) return "image_url.url must be a URL or a data URL with a lower-case format";
        }

        return null;
    }

    /// <summary>The documented prompt commands, by their long names.</summary>
    private static Dictionary<string, string> Commands(string text)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Command().Matches(text))
        {
            var name = match.Groups[1].Value switch { "rt" => "ratio", "dur" => "duration", "rs" => "resolution", "cf" => "camerafixed", "wm" => "watermark", var n => n };
            found[name] = match.Groups[2].Value;
        }

        return found;
    }

    private JsonObject TaskJson(FakeJob job)
    {
        var done = job.Poll();
        var status = !done ? (job.Polls <= 1 ? "queued" : "running") : job.Succeeded ? "succeeded" : "failed";
        var task = new JsonObject
        {
            ["id"] = job.Id,
            ["model"] = job.Request["model"]?.DeepClone(),
            ["status"] = status,
            ["error"] = status == "failed"
                ? new JsonObject { ["code"] = job.Outcome == JobOutcome.OutputModeration ? "OutputVideoSensitiveContentDetected" : "InternalServiceError", ["message"] = "The request failed because the output video may contain sensitive information." }
                : null,
            ["created_at"] = job.Created.ToUnixTimeSeconds(),
            ["updated_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["ratio"] = job.Request["ratio_used"]?.DeepClone(),
            ["duration"] = job.Seconds,
            ["framespersecond"] = 24,
        };
        if (status == "succeeded")
        {
            task["content"] = new JsonObject { ["video_url"] = FreshClipUrl(job) };
            task["usage"] = new JsonObject { ["completion_tokens"] = (int)(job.Seconds * 21600), ["total_tokens"] = (int)(job.Seconds * 21600) };
        }

        return task;
    }

    private IResult? Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.FirstOrDefault() == "Bearer " + apiKey ? null : Error(401, "AuthenticationError", "the API key is invalid");

    [GeneratedRegex(@"--(resolution|rs|ratio|rt|duration|dur|frames|fps|seed|camerafixed|cf|watermark|wm)\s+(\S+)")]
    private static partial Regex Command();

    [GeneratedRegex("^data:image/(png|jpeg|jpg|webp|bmp|tiff|gif);base64,")]
    private static partial Regex DataUrl();
}
