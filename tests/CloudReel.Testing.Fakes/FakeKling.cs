using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Testing.Fakes;

/// <summary>
/// Kling's API as documented: an HS256 JWT (iss = access key, nbf, exp) checked with the secret key,
/// the {code, message, request_id, data} envelope with message "SUCCEED", statuses submitted /
/// processing / succeed / failed, millisecond timestamps, duration as the string "5" or "10", raw
/// base64 images, external_task_id unique per account, and a paged task list. Families: text2video,
/// image2video, and multi-image2video (Kling's multi-image reference, "elements": model_name
/// kling-v1-6 only, image_list of 1–4 {image}, an aspect_ratio, no image/image_tail).
/// </summary>
public sealed class FakeKling(string accessKey = "kling-ak", string secretKey = "kling-sk") : FakeService
{
    public string AccessKey => accessKey;

    public string SecretKey => secretKey;

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/videos/{family}", (string family, HttpContext context) => CreateAsync(family, context));
        app.MapGet("/v1/videos/{family}/{taskId}", async (string family, string taskId, HttpContext context) =>
            Authorized(context) ?? await ReadAsync(Operation.Status, context, () => Jobs.TryGetValue(taskId, out var job) && Family(job) == family
                ? Envelope(TaskJson(job, poll: true))
                : Error(404, "1203", "task not found")));
        app.MapGet("/v1/videos/{family}", async (string family, int? pageNum, int? pageSize, HttpContext context) =>
            Authorized(context) ?? await ReadAsync(Operation.List, context, () =>
            {
                var size = Math.Clamp(pageSize ?? 30, 1, 500);
                var page = Jobs.Values.Where(j => Family(j) == family).OrderByDescending(j => j.Created).Skip(((pageNum ?? 1) - 1) * size).Take(size);
                return Envelope(new JsonArray([.. page.Select(j => (JsonNode)TaskJson(j, poll: false))]));
            }));
    }

    protected override IResult Error(int status, string code, string message) =>
        JsonAnswer(new JsonObject { ["code"] = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), ["message"] = message, ["request_id"] = Guid.NewGuid().ToString() }, status);

    protected override IResult FaultAnswer(Fault fault) => fault.Kind switch
    {
        FaultKind.TooManyRequests => RetryAfter(Error(429, "1302", "rate limit exceeded"), fault.Delay),
        FaultKind.Moderation => Error(400, "1301", "content security policy: the prompt was blocked"),
        FaultKind.QuotaExhausted => Error(429, "1102", "resource pack depleted"),
        _ => Error(fault.Status, "5000", "internal server error"),
    };

    private async Task<IResult> CreateAsync(string family, HttpContext context)
    {
        if (Authorized(context) is { } denied) return denied;
        if (family is not ("text2video" or "image2video" or "multi-image2video")) return Error(404, "1202", "invalid method");
        var body = await BodyAsync(context);
        if (Problem(family, body) is { } problem) return Error(400, "1201", problem);
        var key = body!["external_task_id"]?.GetValue<string>();
        if (key is not null && Jobs.Values.Any(j => j.ExternalKey == key)) return Error(400, "1201", "external_task_id already exists");
        return await SubmitAsync(context, () =>
        {
            var job = new FakeJob(NextId("8672837417591"), key, double.Parse(body["duration"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), body, DateTimeOffset.UtcNow);
            job.Request["family"] = family;
            return (job, Envelope(TaskJson(job, poll: false)));
        });
    }

    private static string? Problem(string family, JsonNode? body)
    {
        if (body is not JsonObject) return "the body is not JSON";
        if (body["prompt"]?.GetValue<string>() is not { Length: > 0 and <= 2500 }) return "prompt is required, at most 2500 characters";
        if (body["duration"] is not JsonValue duration || !duration.TryGetValue<string>(out var seconds) || seconds is not ("5" or "10"))
        {
            return "duration must be the string \"5\" or \"10\"";
        }

        if (body["mode"]?.GetValue<string>() is { } mode && mode is not ("std" or "pro")) return "mode must be std or pro";
        if (family is "text2video" or "multi-image2video" && body["aspect_ratio"]?.GetValue<string>() is { } ratio && ratio is not ("16:9" or "9:16" or "1:1")) return "invalid aspect_ratio";
        if (family == "multi-image2video")
        {
            if (body["model_name"]?.GetValue<string>() != "kling-v1-6") return "multi-image2video supports model_name kling-v1-6 only";
            if (body["image"] is not null || body["image_tail"] is not null) return "multi-image2video takes image_list, not image or image_tail";
            if (body["image_list"] is not JsonArray list || list.Count is < 1 or > 4) return "image_list takes 1 to 4 images";
            if (list.Any(item => item?["image"]?.GetValue<string>() is not { Length: > 0 } image || image.StartsWith("data:", StringComparison.Ordinal)))
            {
                return "each image_list item needs an image: a URL or raw base64 without a data: prefix";
            }
        }
        if (family == "image2video")
        {
            if (body["image"]?.GetValue<string>() is not { Length: > 0 } image) return "image is required";
            if (image.StartsWith("data:", StringComparison.Ordinal)) return "image must be raw base64 without a data: prefix";
            if (body["image_tail"]?.GetValue<string>() is { } tail && tail.StartsWith("data:", StringComparison.Ordinal)) return "image_tail must be raw base64";
        }

        return null;
    }

    private JsonObject TaskJson(FakeJob job, bool poll)
    {
        var done = poll ? job.Poll() : job.IsDone;
        var status = !done ? (job.Polls == 0 ? "submitted" : "processing") : job.Succeeded ? "succeed" : "failed";
        var task = new JsonObject
        {
            ["task_id"] = job.Id,
            ["task_status"] = status,
            ["task_info"] = new JsonObject { ["external_task_id"] = job.ExternalKey },
            ["created_at"] = job.Created.ToUnixTimeMilliseconds(),
            ["updated_at"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        if (status == "failed")
        {
            task["task_status_msg"] = job.Outcome == JobOutcome.OutputModeration ? "The generated content failed the content security review (risk)" : "internal generation error";
        }
        else if (status == "succeed")
        {
            var seconds = job.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            task["task_result"] = new JsonObject { ["videos"] = new JsonArray(new JsonObject { ["id"] = "v" + job.Id, ["url"] = FreshClipUrl(job), ["duration"] = seconds }) };
            task["final_unit_deduction"] = job.Seconds == 10 ? "3" : "1.5";
        }

        return task;
    }

    private static IResult Envelope(JsonNode data) =>
        JsonAnswer(new JsonObject { ["code"] = 0, ["message"] = "SUCCEED", ["request_id"] = Guid.NewGuid().ToString(), ["data"] = data });

    private static string Family(FakeJob job) => job.Request["family"]?.GetValue<string>() ?? "text2video";

    /// <summary>401 unless the request carries a valid, current JWT signed with the secret key.</summary>
    private IResult? Authorized(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.FirstOrDefault();
        if (header is null) return Error(401, "1001", "authorization header is empty");
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return Error(401, "1002", "authorization is invalid");
        var parts = header["Bearer ".Length..].Split('.');
        if (parts.Length != 3) return Error(401, "1002", "authorization is invalid");
        var expected = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
        if (expected != parts[2]) return Error(401, "1002", "authorization is invalid");
        var claims = JsonNode.Parse(Encoding.UTF8.GetString(FromBase64Url(parts[1])))!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (claims["iss"]?.GetValue<string>() != accessKey) return Error(401, "1000", "authentication failed");
        if (claims["nbf"]?.GetValue<long>() > now) return Error(401, "1003", "token not yet valid");
        if (claims["exp"]?.GetValue<long>() < now) return Error(401, "1004", "token expired");
        return null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
