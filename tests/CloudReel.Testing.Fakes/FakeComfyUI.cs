using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Testing.Fakes;

/// <summary>
/// A ComfyUI server: POST /prompt with an API-format graph (every node a class_type; a 400 with
/// node_errors otherwise, or when a {{placeholder}} was left in), GET /history/{id} ({} until done),
/// GET /history?max_items=, GET /queue, POST /upload/image, GET /view. Finished videos are listed the
/// way core SaveVideo lists them, under "images" with "animated": [true], or VHS's "gifs".
/// </summary>
public sealed class FakeComfyUI : FakeService
{
    /// <summary>Where outputs are listed: "images" (SaveVideo, with animated) or "gifs" (VHS_VideoCombine).</summary>
    public string OutputKey { get; set; } = "images";

    /// <summary>Images uploaded, by name.</summary>
    public Dictionary<string, byte[]> Uploads { get; } = new(StringComparer.Ordinal);

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/prompt", (Delegate)PromptAsync);
        app.MapGet("/history/{id}", async (string id, HttpContext context) => await ReadAsync(Operation.Status, context, () =>
        {
            if (!Jobs.TryGetValue(id, out var job)) return JsonAnswer(new JsonObject());
            return job.Poll() ? JsonAnswer(new JsonObject { [id] = Entry(job) }) : JsonAnswer(new JsonObject());
        }));
        app.MapGet("/history", async (int? max_items, HttpContext context) => await ReadAsync(Operation.List, context, () =>
            JsonAnswer(new JsonObject(Jobs.Values.Where(j => j.IsDone).OrderByDescending(j => j.Created).Take(max_items ?? 200)
                .Select(j => KeyValuePair.Create(j.Id, (JsonNode?)Entry(j)))))));
        app.MapGet("/queue", () =>
        {
            var waiting = Jobs.Values.Where(j => !j.IsDone).Select(j => (JsonNode)QueueItem(j)).ToArray();
            return JsonAnswer(new JsonObject { ["queue_running"] = new JsonArray(waiting.Take(1).Select(n => n.DeepClone()).ToArray()), ["queue_pending"] = new JsonArray(waiting.Skip(1).Select(n => n.DeepClone()).ToArray()) });
        });
        app.MapPost("/upload/image", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form.Files.GetFile("image") is not { } file) return Error(400, "no_image", "no image");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted);
            lock (Uploads) Uploads[file.FileName] = buffer.ToArray();
            return JsonAnswer(new JsonObject { ["name"] = file.FileName, ["subfolder"] = "", ["type"] = form["type"].ToString() is { Length: > 0 } t ? t : "input" });
        });
        app.MapGet("/view", async (string filename, HttpContext context) =>
            Jobs.Values.FirstOrDefault(j => FileName(j) == filename) is { } job ? await ClipContentAsync(job, context) : Results.NotFound());
    }

    protected override IResult Error(int status, string code, string message) =>
        JsonAnswer(new JsonObject { ["error"] = new JsonObject { ["type"] = code, ["message"] = message, ["details"] = "", ["extra_info"] = new JsonObject() }, ["node_errors"] = new JsonObject() }, status);

    protected override IResult FaultAnswer(Fault fault) => fault.Kind == FaultKind.TooManyRequests
        ? RetryAfter(Error(429, "busy", "the server is busy"), fault.Delay)
        : Error(fault.Status, "server_error", "internal server error");

    private async Task<IResult> PromptAsync(HttpContext context)
    {
        var body = await BodyAsync(context);
        if (body?["prompt"] is not JsonObject graph || graph.Count == 0) return Error(400, "no_prompt", "No prompt provided");
        var broken = graph.Where(n => n.Value is not JsonObject node || node["class_type"] is null).Select(n => n.Key).ToList();
        if (broken.Count > 0) return Error(400, "invalid_prompt", $"Cannot execute because node {broken[0]} has no class_type (is it the UI format?)");
        if (graph.ToJsonString().Contains("{{", StringComparison.Ordinal)) return Error(400, "prompt_outputs_failed_validation", "Prompt outputs failed validation: an input still holds a {{placeholder}}");
        return await SubmitAsync(context, () =>
        {
            var seconds = graph.Select(n => n.Value?["inputs"]?["seconds"]).OfType<JsonValue>().Select(v => v.TryGetValue<double>(out var s) ? s : 0).FirstOrDefault(s => s > 0);
            var job = new FakeJob(Guid.NewGuid().ToString(), body["extra_data"]?["cloudreel_key"]?.GetValue<string>(), seconds > 0 ? seconds : 2, body, DateTimeOffset.UtcNow);
            return (job, JsonAnswer(new JsonObject { ["prompt_id"] = job.Id, ["number"] = Jobs.Count, ["node_errors"] = new JsonObject() }));
        });
    }

    private JsonObject Entry(FakeJob job)
    {
        var outputs = new JsonObject();
        if (job.Succeeded)
        {
            var output = new JsonObject { [OutputKey] = new JsonArray(new JsonObject { ["filename"] = FileName(job), ["subfolder"] = "", ["type"] = "output", ["format"] = "video/h264-mp4" }) };
            if (OutputKey == "images") output["animated"] = new JsonArray(true);
            outputs["9"] = output;
        }

        var messages = job.Succeeded
            ? new JsonArray(new JsonArray("execution_success", new JsonObject { ["prompt_id"] = job.Id }))
            : new JsonArray(new JsonArray("execution_error", new JsonObject { ["prompt_id"] = job.Id, ["node_id"] = "3", ["exception_type"] = "torch.OutOfMemoryError", ["exception_message"] = "CUDA out of memory" }));
        return new JsonObject
        {
            ["prompt"] = QueueItem(job),
            ["outputs"] = outputs,
            ["status"] = new JsonObject { ["status_str"] = job.Succeeded ? "success" : "error", ["completed"] = job.Succeeded, ["messages"] = messages },
        };
    }

    private static JsonArray QueueItem(FakeJob job) =>
        new(1, job.Id, job.Request["prompt"]?.DeepClone(), job.Request["extra_data"]?.DeepClone(), new JsonArray("9"));

    private static string FileName(FakeJob job) => $"cloudreel_{job.Id[..8]}_00001.mp4";
}
