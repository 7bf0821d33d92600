using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Testing.Fakes;

/// <summary>
/// Zhipu's CogVideoX API, under /api/paas/v4: Bearer key, POST /videos/generations (prompt of at
/// most 512 characters, image_url as one image or two for first and last frame, sizes from the
/// documented list, fps 30/60, duration 5/10, request_id), GET /async-result/{id} with upper-case
/// PROCESSING / SUCCESS / FAIL, errors as {"error":{"code","message"}} with code 1301 for moderation.
/// </summary>
public sealed class FakeZhipu(string apiKey = "zhipu-key") : FakeService
{
    private static readonly string[] Sizes = ["1280x720", "720x1280", "1024x1024", "1920x1080", "1080x1920", "2048x1080", "3840x2160"];

    public string BaseUrl => Root + "/api/paas/v4";

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/paas/v4/videos/generations", (Delegate)CreateAsync);
        app.MapGet("/api/paas/v4/async-result/{id}", async (string id, HttpContext context) =>
            Authorized(context) ?? await ReadAsync(Operation.Status, context, () =>
                Jobs.TryGetValue(id, out var job) ? JsonAnswer(ResultJson(job)) : Error(404, "1214", "no such task")));
    }

    protected override IResult Error(int status, string code, string message) =>
        JsonAnswer(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, status);

    protected override IResult FaultAnswer(Fault fault) => fault.Kind switch
    {
        FaultKind.TooManyRequests => RetryAfter(Error(429, "1302", "concurrency too high"), fault.Delay),
        FaultKind.Moderation => Error(400, "1301", "the input contains unsafe or sensitive content"),
        FaultKind.QuotaExhausted => Error(429, "1113", "the account is in arrears"),
        _ => Error(fault.Status, "500", "internal error"),
    };

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        if (Authorized(context) is { } denied) return denied;
        var body = await BodyAsync(context);
        if (body?["model"]?.GetValue<string>() is not { Length: > 0 }) return Error(400, "1210", "model is required");
        if (body["prompt"]?.GetValue<string>() is { Length: > 512 }) return Error(400, "1261", "prompt is too long");
        if (body["size"]?.GetValue<string>() is { } size && !Sizes.Contains(size)) return Error(400, "1214", "unsupported size");
        if (body["fps"]?.GetValue<int>() is { } fps && fps is not (30 or 60)) return Error(400, "1214", "fps must be 30 or 60");
        var seconds = body["duration"]?.GetValue<int>() ?? 5;
        if (seconds is not (5 or 10)) return Error(400, "1214", "duration must be 5 or 10");
        if (body["image_url"] is JsonArray images && (images.Count != 2 || body["quality"]?.GetValue<string>() == "quality")) return Error(400, "1214", "two images (first and last frame) only in speed mode");
        return await SubmitAsync(context, () =>
        {
            var job = new FakeJob(NextId("8230"), body["request_id"]?.GetValue<string>(), seconds, body, DateTimeOffset.UtcNow);
            return (job, JsonAnswer(new JsonObject { ["model"] = body["model"]?.DeepClone(), ["id"] = job.Id, ["request_id"] = job.ExternalKey, ["task_status"] = "PROCESSING" }));
        });
    }

    private JsonObject ResultJson(FakeJob job)
    {
        var done = job.Poll();
        var status = !done ? "PROCESSING" : job.Succeeded ? "SUCCESS" : "FAIL";
        var result = new JsonObject { ["model"] = job.Request["model"]?.DeepClone(), ["request_id"] = job.ExternalKey, ["task_status"] = status };
        if (status == "SUCCESS") result["video_result"] = new JsonArray(new JsonObject { ["url"] = FreshClipUrl(job), ["cover_image_url"] = Root + "/cover.jpg" });
        if (status == "FAIL" && job.Outcome == JobOutcome.OutputModeration) result["error"] = new JsonObject { ["code"] = "1301", ["message"] = "the generated video contains sensitive content" };
        return result;
    }

    private IResult? Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.FirstOrDefault() == "Bearer " + apiKey ? null : Error(401, "1002", "invalid token");
}
