using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Testing.Fakes;

/// <summary>
/// An Azure OpenAI resource on the v1 API: Sora 2 (/openai/v1/videos: seconds as strings, "WxH"
/// sizes, a multipart input_reference that must match the size, statuses queued / in_progress /
/// completed / failed, an openai-poll-after-ms hint), Sora 1 preview jobs (/openai/v1/video/
/// generations/jobs?api-version=preview: n_seconds, width, height, generations[], failure_reason,
/// a job list that needs limit, top-level video errors), and chat completions with structured
/// output for the planner and the vision judge (image parts as base64 data URLs or https URLs). Auth: the api-key header, or a bearer token.
/// </summary>
public sealed partial class FakeAzureOpenAI(string apiKey = "azure-key", string? bearerToken = null) : FakeService
{
    private static readonly string[] Sora1Sizes = ["480x480", "854x480", "480x854", "720x720", "1280x720", "720x1280", "1080x1080", "1920x1080", "1080x1920"];

    /// <summary>Milliseconds Sora 2 asks clients to wait between polls, when set.</summary>
    public int? PollAfterMs { get; set; }

    /// <summary>What the chat model answers: given the request body, the JSON text of the plan.</summary>
    public Func<JsonNode, string> ChatAnswer { get; set; } = _ => """{"characters":[],"shots":[]}""";

    /// <summary>Chat requests received, as JSON.</summary>
    public List<JsonNode> ChatRequests { get; } = [];

    public string Endpoint => Root;

    protected override void Map(IEndpointRouteBuilder app)
    {
        MapSora2(app);
        MapSora1(app);
        app.MapPost("/openai/v1/chat/completions", (Delegate)ChatAsync);
    }

    protected override IResult Error(int status, string code, string message) =>
        JsonAnswer(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["type"] = "invalid_request_error", ["param"] = null } }, status);

    protected override IResult FaultAnswer(Fault fault) => fault.Kind switch
    {
        FaultKind.TooManyRequests => RetryAfter(Error(429, "429", "Requests to the deployment have exceeded the rate limit."), fault.Delay),
        FaultKind.Moderation => JsonAnswer(new JsonObject
        {
            ["code"] = "content_policy_violation",
            ["message"] = "Your request was rejected as a result of our safety system.",
            ["param"] = null,
            ["type"] = "invalid_request_error",
            ["inner_error"] = new JsonObject { ["code"] = "ResponsibleAIPolicyViolation", ["revised_prompt"] = null },
        }, 400),
        FaultKind.QuotaExhausted => Error(429, "insufficient_quota", "You exceeded your current quota."),
        _ => Error(fault.Status, "InternalServerError", "The server had an error while processing your request."),
    };

    private IResult? Authorized(HttpContext context)
    {
        var key = context.Request.Headers["api-key"].FirstOrDefault();
        var bearer = context.Request.Headers.Authorization.FirstOrDefault();
        if (key == apiKey || (bearerToken is not null && bearer == "Bearer " + bearerToken)) return null;
        return Error(401, "401", "Access denied due to invalid subscription key or wrong API endpoint.");
    }

    private async Task<IResult> ChatAsync(HttpContext context)
    {
        if (Authorized(context) is { } denied) return denied;
        var body = await BodyAsync(context);
        if (body?["response_format"]?["type"]?.GetValue<string>() != "json_schema" || body["response_format"]?["json_schema"]?["strict"]?.GetValue<bool>() != true)
        {
            return Error(400, "invalid_request_error", "this deployment is asked for strict json_schema output");
        }

        if (BadImagePart(body) is { } bad) return Error(400, "invalid_image_url", bad);
        lock (ChatRequests) ChatRequests.Add(body);
        return JsonAnswer(new JsonObject
        {
            ["id"] = "chatcmpl-" + NextId(""),
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = body["model"]?.DeepClone(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = ChatAnswer(body), ["refusal"] = null },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 100, ["total_tokens"] = 200 },
        });
    }

    /// <summary>
    /// What is wrong with an image content part, or null: chat completions take images as
    /// {"type": "image_url", "image_url": {"url": "data:image/…;base64,…" or an https URL, "detail": "low"|"high"|"auto"}}.
    /// </summary>
    private static string? BadImagePart(JsonNode body)
    {
        foreach (var message in body["messages"]?.AsArray() ?? [])
        {
            if (message?["content"] is not JsonArray parts) continue;
            foreach (var part in parts)
            {
                if (part?["type"]?.GetValue<string>() != "image_url") continue;
                var url = part["image_url"]?["url"]?.GetValue<string>() ?? "";
                var detail = part["image_url"]?["detail"]?.GetValue<string>();
                if (detail is not (null or "low" or "high" or "auto")) return $"unknown image detail '{detail}'";
                if (url.StartsWith("https://", StringComparison.Ordinal)) continue;
                var comma = url.IndexOf(',', StringComparison.Ordinal);
                if (!url.StartsWith("data:image/", StringComparison.Ordinal) || comma < 0 || !url[..comma].EndsWith(";base64", StringComparison.Ordinal)) return "image_url must be an https URL or a base64 data URL of an image";
                try
                {
                    Convert.FromBase64String(url[(comma + 1)..]);
                }
                catch (FormatException)
                {
                    return "image_url's data is not base64";
                }
            }
        }
        return null;
    }

    /// <summary>The width and height in a PNG's header, or null when the bytes are no PNG.</summary>
    private static (int Width, int Height)? PngSize(byte[] bytes) =>
        bytes.Length > 24 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G'
            ? (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)))
            : null;
}
