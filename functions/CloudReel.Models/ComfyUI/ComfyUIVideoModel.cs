using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Models.Configuration;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.ComfyUI;

/// <summary>
/// A self-hosted ComfyUI server running the order's workflow graph: the shot's image is uploaded
/// (POST /upload/image), the graph filled (<see cref="WorkflowTemplate"/>) and queued (POST /prompt)
/// with the content key in extra_data, then read back from GET /history/{prompt_id}; the clip comes
/// from GET /view. Video outputs are found under any list of an output node ("images" with
/// "animated", "gifs", "videos"…). A lost answer is found again in /queue or /history.
/// </summary>
public sealed class ComfyUIVideoModel(ComfyUIOptions options, ProviderHttp http, IClipStore store, ReferenceImages images) : HttpVideoModel(http)
{
    private const string KeyField = "cloudreel_key";
    private static readonly string[] VideoExtensions = [".mp4", ".webm", ".mov", ".mkv"];
    private readonly Uri _base = options.ServiceUri(options.BaseUrl ?? "http://127.0.0.1:8188");

    public override ModelCapabilities Capabilities { get; } = new()
    {
        Name = "comfyui",
        Version = "api-1",
        Provider = "self-hosted ComfyUI",
        Durations = DurationOptions.Range(1, options.MaxSeconds),
        ImageToVideo = true,
        NeedsWorkflow = true,
        MaxPromptLength = 4000,
        // One GPU runs one prompt at a time; more only queue on the server.
        MaxConcurrentJobs = options.MaxConcurrentJobs ?? 1,
        PricePerSecond = options.PricePerSecond ?? 0,
        Currency = options.Currency,
        PollInterval = options.PollInterval(2),
        JobTimeout = options.JobTimeout(60),
    };

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(options.BaseUrl);

    public override string? SetupHint => "set Models:ComfyUI:BaseUrl to your server, e.g. http://127.0.0.1:8188 (environment CLOUDREEL__MODELS__COMFYUI__BASEURL)";

    protected override bool ResendWhenNotFound => true;

    protected override async Task<JobStatus> SendJobAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (request.Workflow is not { } workflow) return JobStatus.Failed(null, FailureReason.Invalid, "no-workflow", "the order names no workflow graph for ComfyUI");
        var graph = await store.ReadTextAsync(workflow.StoreName, cancellationToken);
        var placeholders = WorkflowTemplate.PlaceholdersIn(graph);
        if (!placeholders.Contains("prompt")) return JobStatus.Failed(null, FailureReason.Invalid, "workflow", "the workflow graph has no {{prompt}} placeholder");
        if (request.FirstFrame is not null && !placeholders.Contains("image"))
        {
            return JobStatus.Failed(null, FailureReason.Invalid, "workflow", "the shot starts from an image but the workflow graph has no {{image}} placeholder");
        }

        var image = request.FirstFrame is { } first ? await UploadAsync(first, cancellationToken) : null;
        JsonObject filled;
        try
        {
            filled = WorkflowTemplate.Fill(graph, WorkflowTemplate.Values(request.Prompt, request.Seed, request.Size.Width, request.Size.Height, request.Seconds, options.Fps, image));
        }
        catch (Exception error) when (error is FormatException or System.Text.Json.JsonException)
        {
            return JobStatus.Failed(null, FailureReason.Invalid, "workflow", error.Message);
        }

        var body = new JsonObject
        {
            ["prompt"] = filled,
            ["client_id"] = "cloudreel",
            ["extra_data"] = new JsonObject { [KeyField] = idempotencyKey },
        }.ToJsonString();
        return await Http.SendAsync(CallKind.Submit, "comfyui prompt",
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(_base, "prompt")) { Content = Json.Body(body) },
            async (response, c) => new JobStatus { State = JobState.Queued, JobId = Json.RequireText(await Json.ReadAsync(response, c), "prompt_id") },
            cancellationToken);
    }

    protected override Task<JobStatus> QueryJobAsync(string jobId, CancellationToken cancellationToken) =>
        Http.SendAsync(CallKind.Query, "comfyui history",
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(_base, $"history/{Uri.EscapeDataString(jobId)}")),
            async (response, c) => Json.At(await Json.ReadAsync(response, c), jobId) is { } entry ? JobOf(jobId, entry) : Running(jobId),
            cancellationToken);

    /// <summary>Our key in the extra_data of a queued, running or finished prompt.</summary>
    public override async Task<JobLookup> FindJobAsync(string idempotencyKey, ShotRequest request, DateTime sentAfterUtc, CancellationToken cancellationToken = default)
    {
        var queue = await Http.SendAsync(CallKind.Query, "comfyui queue",
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(_base, "queue")), (r, c) => Json.ReadAsync(r, c), cancellationToken);
        foreach (var item in (Json.Array(queue, "queue_running") ?? []).Concat(Json.Array(queue, "queue_pending") ?? []))
        {
            if (Json.Text(item, "3", KeyField) == idempotencyKey) return JobLookup.Found(new JobStatus { State = JobState.Queued, JobId = Json.RequireText(item, "1") });
        }

        var history = await Http.SendAsync(CallKind.Query, "comfyui history",
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(_base, "history?max_items=64")), (r, c) => Json.ReadAsync(r, c), cancellationToken);
        foreach (var (promptId, entry) in history as JsonObject ?? [])
        {
            if (Json.Text(entry, "prompt", "3", KeyField) == idempotencyKey) return JobLookup.Found(JobOf(promptId, entry!));
        }

        return JobLookup.NotFound();
    }

    private async Task<string> UploadAsync(ReferenceImage image, CancellationToken cancellationToken)
    {
        var bytes = await images.BytesAsync(image, cancellationToken);
        var name = $"cloudreel-{image.Sha256[..16]}{Path.GetExtension(image.StoreName).ToLowerInvariant()}";
        return await Http.SendAsync(CallKind.Query, "comfyui upload",
            () =>
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue(ReferenceImages.ContentType(image.StoreName));
                var form = new MultipartFormDataContent { { file, "image", name }, { new StringContent("input"), "type" }, { new StringContent("true"), "overwrite" } };
                return new HttpRequestMessage(HttpMethod.Post, new Uri(_base, "upload/image")) { Content = form };
            },
            async (response, c) =>
            {
                var uploaded = await Json.ReadAsync(response, c);
                var subfolder = Json.Text(uploaded, "subfolder");
                var uploadedName = Json.RequireText(uploaded, "name");
                return string.IsNullOrEmpty(subfolder) ? uploadedName : $"{subfolder}/{uploadedName}";
            },
            cancellationToken);
    }

    private JobStatus JobOf(string promptId, JsonNode entry)
    {
        var status = Json.Text(entry, "status", "status_str");
        if (status == "error")
        {
            var error = (Json.Array(entry, "status", "messages") ?? []).FirstOrDefault(m => Json.Text(m, "0") == "execution_error");
            var message = Json.Text(error, "1", "exception_message") ?? "the workflow failed";
            return JobStatus.Failed(promptId, FailureReason.Unknown, Json.Text(error, "1", "exception_type") ?? "execution_error", $"node {Json.Text(error, "1", "node_id")}: {message}");
        }

        if (status != "success" && Json.Text(entry, "status", "completed") != "true") return Running(promptId);
        var video = VideoOutputs(entry).FirstOrDefault();
        if (video is null) return JobStatus.Failed(promptId, FailureReason.Invalid, "no-video", "the workflow finished without a video output (a SaveVideo or VHS_VideoCombine node)");
        var query = $"view?filename={Uri.EscapeDataString(video.Value.File)}&subfolder={Uri.EscapeDataString(video.Value.Subfolder)}&type={Uri.EscapeDataString(video.Value.Type)}";
        return new JobStatus { State = JobState.Succeeded, JobId = promptId, Progress = 100, ResultUrl = new Uri(_base, query).ToString() };
    }

    /// <summary>Every output file that is a video, from any list-valued key of any output node.</summary>
    private static IEnumerable<(string File, string Subfolder, string Type)?> VideoOutputs(JsonNode entry)
    {
        foreach (var (_, node) in Json.At(entry, "outputs") as JsonObject ?? [])
        {
            foreach (var (_, list) in node as JsonObject ?? [])
            {
                foreach (var item in list as JsonArray ?? [])
                {
                    if (Json.Text(item, "filename") is { } file && VideoExtensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
                    {
                        yield return (file, Json.Text(item, "subfolder") ?? "", Json.Text(item, "type") ?? "output");
                    }
                }
            }
        }
    }
}
