using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Testing.Fakes;

/// <summary>The two Sora APIs of <see cref="FakeAzureOpenAI"/>.</summary>
public sealed partial class FakeAzureOpenAI
{
    private void MapSora2(IEndpointRouteBuilder app)
    {
        app.MapPost("/openai/v1/videos", async (HttpContext context) => Authorized(context) ?? await CreateVideoAsync(context));
        app.MapGet("/openai/v1/videos/{id}", async (string id, HttpContext context) => Authorized(context) ?? await ReadAsync(Operation.Status, context, () =>
        {
            if (!Jobs.TryGetValue(id, out var job)) return Error(404, "not_found", "video not found");
            job.Poll();
            if (PollAfterMs is { } ms) context.Response.Headers["openai-poll-after-ms"] = ms.ToString(CultureInfo.InvariantCulture);
            return JsonAnswer(Video(job));
        }));
        app.MapGet("/openai/v1/videos/{id}/content", async (string id, string? variant, HttpContext context) =>
            Authorized(context) ?? (variant is not (null or "video") ? Error(400, "invalid_value", "variant") : Jobs.TryGetValue(id, out var job) ? await ClipContentAsync(job, context) : Error(404, "not_found", "video not found")));
    }

    private async Task<IResult> CreateVideoAsync(HttpContext context)
    {
        JsonObject fields;
        byte[]? reference = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            fields = new JsonObject(form.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString()))));
            if (form.Files.GetFile("input_reference") is { } file)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, context.RequestAborted);
                reference = buffer.ToArray();
            }
        }
        else
        {
            fields = await BodyAsync(context) as JsonObject ?? [];
        }

        if (fields["prompt"]?.GetValue<string>() is not { Length: > 0 }) return Error(400, "invalid_request_error", "prompt is required");
        if (fields["seconds"] is not JsonValue s || !s.TryGetValue<string>(out var seconds) || seconds is not ("4" or "8" or "12"))
        {
            return Error(400, "invalid_value", "seconds must be one of '4', '8', '12' (a string)");
        }

        var size = fields["size"]?.GetValue<string>() ?? "720x1280";
        if (size is not ("720x1280" or "1280x720")) return Error(400, "invalid_value", "size must be 720x1280 or 1280x720");
        if (reference is not null && PngSize(reference) is var dims && dims != Parse(size))
        {
            return Error(400, "invalid_value", $"input_reference must match the requested size {size}");
        }

        return await SubmitAsync(context, () =>
        {
            var job = new FakeJob("video_" + NextId("68d"), null, int.Parse(seconds, CultureInfo.InvariantCulture), fields, DateTimeOffset.UtcNow);
            job.Request["has_reference"] = reference is not null;
            return (job, JsonAnswer(Video(job)));
        });
    }

    private static JsonObject Video(FakeJob job)
    {
        var status = !job.IsDone ? (job.Polls == 0 ? "queued" : "in_progress") : job.Succeeded ? "completed" : "failed";
        return new JsonObject
        {
            ["id"] = job.Id,
            ["object"] = "video",
            ["model"] = job.Request["model"]?.DeepClone(),
            ["status"] = status,
            ["progress"] = status == "completed" ? 100 : Math.Min(90, job.Polls * 30),
            ["created_at"] = job.Created.ToUnixTimeSeconds(),
            ["seconds"] = job.Request["seconds"]?.DeepClone(),
            ["size"] = job.Request["size"]?.DeepClone(),
            ["error"] = status == "failed"
                ? new JsonObject { ["code"] = job.Outcome == JobOutcome.OutputModeration ? "moderation_blocked" : "internal_error", ["message"] = "the video could not be generated" }
                : null,
        };
    }

    private void MapSora1(IEndpointRouteBuilder app)
    {
        app.MapPost("/openai/v1/video/generations/jobs", async (HttpContext context) =>
            Authorized(context) ?? VersionProblem(context) ?? await CreateJobAsync(context));
        app.MapGet("/openai/v1/video/generations/jobs", async (HttpContext context) => Authorized(context) ?? VersionProblem(context) ?? await ReadAsync(Operation.List, context, () =>
        {
            if (!int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var limit)) return Error(400, "invalid_request_error", "limit is required");
            var jobs = Jobs.Values.Where(j => j.Id.StartsWith("task_", StringComparison.Ordinal)).OrderByDescending(j => j.Created).Take(limit);
            return JsonAnswer(new JsonObject { ["object"] = "list", ["data"] = new JsonArray([.. jobs.Select(j => (JsonNode)Sora1Job(j))]), ["has_more"] = false });
        }));
        app.MapGet("/openai/v1/video/generations/jobs/{id}", async (string id, HttpContext context) => Authorized(context) ?? VersionProblem(context) ?? await ReadAsync(Operation.Status, context, () =>
        {
            if (!Jobs.TryGetValue(id, out var job)) return Error(404, "NotFound", "job not found");
            job.Poll();
            return JsonAnswer(Sora1Job(job));
        }));
        app.MapGet("/openai/v1/video/generations/{generation}/content/video", async (string generation, HttpContext context) =>
            Authorized(context) ?? VersionProblem(context) ?? (Jobs.Values.FirstOrDefault(j => "gen_" + j.Id == generation) is { } job ? await ClipContentAsync(job, context) : Error(404, "NotFound", "generation not found")));
    }

    private async Task<IResult> CreateJobAsync(HttpContext context)
    {
        JsonObject fields;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            fields = new JsonObject(form.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString()))));
            var items = JsonNode.Parse(form["inpaint_items"].ToString() is { Length: > 0 } text ? text : "[]") as JsonArray ?? [];
            var names = form.Files.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
            if (form.Files.Count == 0 || items.Any(i => !names.Contains(i?["file_name"]?.GetValue<string>() ?? ""))) return Error(400, "invalid_request_error", "every inpaint item must name an uploaded file");
            fields["files"] = form.Files.Count;
        }
        else
        {
            fields = await BodyAsync(context) as JsonObject ?? [];
        }

        var width = Number(fields["width"]);
        var height = Number(fields["height"]);
        var seconds = Number(fields["n_seconds"]) ?? 5;
        if (fields["prompt"] is null || width is null || height is null) return Error(400, "invalid_request_error", "prompt, width and height are required");
        if (!Sora1Sizes.Contains($"{width}x{height}")) return Error(400, "invalid_request_error", $"unsupported dimension {width}x{height}");
        if (seconds is < 1 or > 20 || (Math.Min(width.Value, height.Value) >= 1080 && seconds > 10)) return Error(400, "invalid_request_error", "n_seconds out of range");
        return await SubmitAsync(context, () =>
        {
            var job = new FakeJob("task_" + NextId("01jw"), null, seconds, fields, DateTimeOffset.UtcNow);
            return (job, JsonAnswer(Sora1Job(job)));
        });
    }

    private static JsonObject Sora1Job(FakeJob job)
    {
        var status = !job.IsDone ? job.Polls switch { 0 => "queued", 1 => "preprocessing", 2 => "running", _ => "processing" } : job.Succeeded ? "succeeded" : "failed";
        return new JsonObject
        {
            ["object"] = "video.generation.job",
            ["id"] = job.Id,
            ["status"] = status,
            ["created_at"] = job.Created.ToUnixTimeSeconds(),
            ["finished_at"] = job.IsDone ? DateTimeOffset.UtcNow.ToUnixTimeSeconds() : null,
            ["generations"] = status == "succeeded" ? new JsonArray(new JsonObject { ["object"] = "video.generation", ["id"] = "gen_" + job.Id, ["job_id"] = job.Id }) : new JsonArray(),
            ["prompt"] = job.Request["prompt"]?.DeepClone(),
            ["model"] = job.Request["model"]?.DeepClone(),
            ["n_variants"] = 1,
            ["n_seconds"] = (int)job.Seconds,
            ["width"] = Number(job.Request["width"]),
            ["height"] = Number(job.Request["height"]),
            ["failure_reason"] = status == "failed" ? (job.Outcome == JobOutcome.OutputModeration ? "output_moderation" : "internal_error") : null,
        };
    }

    private IResult? VersionProblem(HttpContext context) =>
        context.Request.Query["api-version"].ToString() is "preview" ? null : Error(400, "invalid_api_version", "api-version=preview is required for video generation jobs");

    /// <summary>An integer sent as a number (JSON) or as a string (multipart).</summary>
    private static int? Number(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<int>(out var n) ? n : value.TryGetValue<string>(out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out var p) ? p : null
        : null;

    private static (int, int)? Parse(string size)
    {
        var parts = size.Split('x');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
