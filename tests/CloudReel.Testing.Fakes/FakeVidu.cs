using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Testing.Fakes;

/// <summary>
/// Vidu's API as documented, under /ent/v2: "Authorization: Token &lt;key&gt;" (Bearer is refused),
/// text2video / img2video (exactly one image) / reference2video (1–7 images, or subjects {id, 1–3 images}
/// named @id in the prompt) / start-end2video (two) with
/// data-URL images, states created / queueing / processing / success / failed with err_code, ISO
/// timestamps, credits, a pass-through payload, and a task list.
/// </summary>
public sealed class FakeVidu(string apiKey = "vidu-key") : FakeService
{
    /// <summary>Whether the task list shows each task's payload (UNCONFIRMED in the documentation).</summary>
    public bool ListShowsPayload { get; set; } = true;

    /// <summary>The base URL a client is configured with.</summary>
    public string BaseUrl => Root + "/ent/v2";

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/ent/v2/{mode}", (string mode, HttpContext context) => CreateAsync(mode, context));
        app.MapGet("/ent/v2/tasks/{id}/creations", async (string id, HttpContext context) =>
            Authorized(context) ?? await ReadAsync(Operation.Status, context, () =>
                Jobs.TryGetValue(id, out var job) ? JsonAnswer(TaskJson(job, poll: true)) : Error(404, "TaskNotFound", "task not found")));
        app.MapGet("/ent/v2/tasks", async (HttpContext context) => Authorized(context) ?? await ReadAsync(Operation.List, context, () =>
        {
            var from = DateTimeOffset.TryParse(context.Request.Query["created_at.from"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var f) ? f : DateTimeOffset.MinValue;
            var tasks = Jobs.Values.Where(j => j.Created >= from).OrderByDescending(j => j.Created).Select(j =>
            {
                var task = TaskJson(j, poll: false);
                task["id"] = j.Id;
                if (!ListShowsPayload) task.Remove("payload");
                return (JsonNode)task;
            });
            return JsonAnswer(new JsonObject { ["tasks"] = new JsonArray([.. tasks]), ["next_page_token"] = "" });
        }));
    }

    protected override IResult Error(int status, string code, string message) =>
        JsonAnswer(new JsonObject { ["code"] = status, ["reason"] = code, ["message"] = message, ["metadata"] = new JsonObject() }, status);

    protected override IResult FaultAnswer(Fault fault) => fault.Kind switch
    {
        FaultKind.TooManyRequests => RetryAfter(Error(429, "TooManyRequests", "too many requests"), fault.Delay),
        FaultKind.Moderation => Error(400, "AuditSubmitIllegal", "the input failed the safety review"),
        FaultKind.QuotaExhausted => Error(400, "CreditInsufficient", "not enough credits"),
        _ => Error(fault.Status, "InternalServiceFailure", "internal service failure"),
    };

    private async Task<IResult> CreateAsync(string mode, HttpContext context)
    {
        if (Authorized(context) is { } denied) return denied;
        if (mode is not ("text2video" or "img2video" or "reference2video" or "start-end2video")) return Error(404, "NotFound", "no such route");
        var body = await BodyAsync(context);
        if (Problem(mode, body) is { } problem) return Error(400, problem.Code, problem.Message);
        return await SubmitAsync(context, () =>
        {
            var job = new FakeJob(NextId("80528"), body!["payload"]?.GetValue<string>(), body["duration"]!.GetValue<int>(), body, DateTimeOffset.UtcNow);
            job.Request["mode"] = mode;
            var created = new JsonObject
            {
                ["task_id"] = job.Id,
                ["state"] = "created",
                ["model"] = body["model"]?.DeepClone(),
                ["prompt"] = body["prompt"]?.DeepClone(),
                ["duration"] = job.Seconds,
                ["seed"] = body["seed"]?.DeepClone(),
                ["resolution"] = body["resolution"]?.DeepClone(),
                ["payload"] = job.ExternalKey,
                ["credits"] = Credits(job),
                ["created_at"] = job.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            };
            return (job, JsonAnswer(created));
        });
    }

    private static (string Code, string Message)? Problem(string mode, JsonNode? body)
    {
        if (body is not JsonObject) return ("BadRequest", "the body is not JSON");
        if (body["model"]?.GetValue<string>() is not { Length: > 0 }) return ("FieldLacking", "model is required");
        if (body["prompt"]?.GetValue<string>() is not { Length: > 0 and <= 2000 } && mode is "text2video" or "reference2video") return ("FieldLacking", "prompt is required");
        if (body["duration"] is not JsonValue d || !d.TryGetValue<int>(out var seconds) || seconds is < 1 or > 10) return ("FieldInvalid", "duration must be a whole number from 1 to 10");
        if (mode == "reference2video" && body["subjects"] is JsonArray subjects) return SubjectsProblem(body, subjects);
        if (body["subjects"] is not null) return ("FieldUnwanted", $"{mode} takes no subjects");
        var images = body["images"] as JsonArray;
        var count = images?.Count ?? 0;
        var wanted = mode switch { "img2video" => (1, 1), "start-end2video" => (2, 2), "reference2video" => (1, 7), _ => (0, 0) };
        if (count < wanted.Item1 || count > wanted.Item2) return ("FieldItemCountOutOfRange", $"{mode} takes {wanted.Item1}–{wanted.Item2} images, not {count}");
        if (mode == "start-end2video" && seconds > 8) return ("FieldInvalid", "start-end2video lasts at most 8 s");
        if (images?.Any(i => i?.GetValue<string>() is not { } url || !(url.StartsWith("data:image/", StringComparison.Ordinal) || url.StartsWith("http", StringComparison.Ordinal))) == true)
        {
            return ("ImageFormatInvalid", "images must be URLs or data:image/...;base64, URLs");
        }

        if (body["aspect_ratio"]?.GetValue<string>() is { } ratio && ratio is not ("16:9" or "9:16" or "1:1" or "4:3" or "3:4")) return ("FieldInvalid", "invalid aspect_ratio");
        return null;
    }

    /// <summary>
    /// reference2video with subjects: either images or subjects, not both; each subject an id and 1–3
    /// images; the prompt names every subject as @id.
    /// </summary>
    private static (string Code, string Message)? SubjectsProblem(JsonNode body, JsonArray subjects)
    {
        if (body["images"] is not null) return ("FieldUnwanted", "give either images or subjects, not both");
        if (subjects.Count < 1) return ("FieldItemCountOutOfRange", "subjects must not be empty");
        var prompt = body["prompt"]!.GetValue<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            if (subject?["id"]?.GetValue<string>() is not { Length: > 0 } id) return ("FieldLacking", "each subject needs an id");
            if (!ids.Add(id)) return ("FieldInvalid", $"subject id '{id}' is given twice");
            if (subject["images"] is not JsonArray pictures || pictures.Count is < 1 or > 3) return ("FieldItemCountOutOfRange", $"subject '{id}' takes 1–3 images");
            if (pictures.Any(i => i?.GetValue<string>() is not { } url || !(url.StartsWith("data:image/", StringComparison.Ordinal) || url.StartsWith("http", StringComparison.Ordinal))))
            {
                return ("ImageFormatInvalid", "images must be URLs or data:image/...;base64, URLs");
            }
            if (!prompt.Contains("@" + id, StringComparison.Ordinal)) return ("FieldInvalid", $"the prompt must name subject '{id}' as @{id}");
        }
        return null;
    }

    private JsonObject TaskJson(FakeJob job, bool poll)
    {
        var done = poll ? job.Poll() : job.IsDone;
        var state = !done ? (job.Polls == 0 ? "queueing" : "processing") : job.Succeeded ? "success" : "failed";
        var task = new JsonObject
        {
            ["state"] = state,
            ["err_code"] = state == "failed" ? (job.Outcome == JobOutcome.OutputModeration ? "CreationPolicyViolation" : "InternalServiceFailure") : "",
            ["credits"] = Credits(job),
            ["payload"] = job.ExternalKey,
            ["creations"] = new JsonArray(),
        };
        if (state == "success")
        {
            task["creations"] = new JsonArray(new JsonObject { ["id"] = "c" + job.Id, ["url"] = FreshClipUrl(job), ["cover_url"] = Root + "/cover.jpg" });
        }

        return task;
    }

    private static int Credits(FakeJob job) => 8 + (int)job.Seconds * 2;

    private IResult? Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.FirstOrDefault() == "Token " + apiKey ? null : Error(401, "Unauthorized", "the API key is invalid (use the Token scheme)");
}
