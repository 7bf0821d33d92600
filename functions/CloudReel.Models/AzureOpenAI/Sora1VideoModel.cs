using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Models.Configuration;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.AzureOpenAI;

/// <summary>
/// Azure OpenAI Sora 1 preview jobs: POST /openai/v1/video/generations/jobs?api-version=preview
/// (JSON with n_seconds, width and height; multipart with files and inpaint_items for a reference
/// image), GET …/jobs/{id}, and the clip from …/video/generations/{generations[0].id}/content/video.
/// Statuses run queued → preprocessing → running → processing → succeeded (or failed / cancelled
/// with failure_reason). A lost submit answer is found in the job list by prompt, size, length and time.
/// </summary>
public sealed class Sora1VideoModel(AzureOpenAIOptions resource, ProviderHttp http, ReferenceImages images) : HttpVideoModel(http)
{
    private const int LookupLimit = 50;
    private readonly SoraOptions _options = resource.Sora1;
    private readonly Uri _base = new((resource.Endpoint ?? "https://example.openai.azure.com").TrimEnd('/') + "/openai/v1/");

    public override ModelCapabilities Capabilities { get; } = new()
    {
        Name = "sora-1",
        Version = resource.Sora1.Deployment ?? "sora",
        Provider = "Azure OpenAI (Sora 1, preview)",
        Durations = DurationOptions.Only([.. Enumerable.Range(1, 20).Select(s => (double)s)]),
        Sizes =
        [
            new FrameSize(480, 480), new FrameSize(854, 480), new FrameSize(480, 854), new FrameSize(720, 720), new FrameSize(1280, 720),
            new FrameSize(720, 1280), new FrameSize(1080, 1080), new FrameSize(1920, 1080), new FrameSize(1080, 1920),
        ],
        ImageToVideo = true,
        MaxConcurrentJobs = resource.Sora1.MaxConcurrentJobs ?? 2,
        ConcurrencyGroup = "azure-openai:" + Sora2VideoModel.ResourceName(resource),
        // No price is published for Sora 1 (UNCONFIRMED): Sora 2's rate, until configured.
        PricePerSecond = resource.Sora1.PricePerSecond ?? 0.10m,
        Currency = resource.Sora1.Currency,
        ResubmitIsFree = false,
        PollInterval = resource.Sora1.PollInterval(5),
        JobTimeout = resource.Sora1.JobTimeout(30),
    };

    public override bool IsConfigured => resource.IsConfigured && _options.Enabled && !string.IsNullOrWhiteSpace(_options.Deployment);

    public override string? SetupHint => "set Models:AzureOpenAI:Endpoint and Models:AzureOpenAI:ApiKey (or UseEntraId=true); the deployment is Models:AzureOpenAI:Sora1:Deployment (default sora)";

    /// <summary>Microsoft's own client keeps 1080p jobs to 10 s.</summary>
    protected override string? Problem(ShotRequest request) =>
        base.Problem(request) ?? (Math.Min(request.Size.Width, request.Size.Height) >= 1080 && request.Seconds > 10 ? "Sora 1 makes 1080p clips of at most 10 s" : null);

    protected override async Task<JobStatus> SendJobAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>
        {
            ["model"] = _options.Deployment!,
            ["prompt"] = request.Prompt,
            ["width"] = request.Size.Width.ToString(CultureInfo.InvariantCulture),
            ["height"] = request.Size.Height.ToString(CultureInfo.InvariantCulture),
            ["n_seconds"] = ((int)request.Seconds).ToString(CultureInfo.InvariantCulture),
            ["n_variants"] = "1",
        };
        var picture = request.FirstFrame is { } first ? (Bytes: await images.BytesAsync(first, cancellationToken), Name: ReferenceImages.FileName(first)) : default;
        return await Http.SendAsync(CallKind.Submit, "sora-1 create",
            () => new HttpRequestMessage(HttpMethod.Post, Url("video/generations/jobs")) { Content = picture.Bytes is null ? JsonBody(fields) : FormBody(fields, picture.Bytes, picture.Name) },
            async (response, c) => JobOf(await Json.ReadAsync(response, c)),
            cancellationToken);
    }

    protected override Task<JobStatus> QueryJobAsync(string jobId, CancellationToken cancellationToken) =>
        Http.SendAsync(CallKind.Query, "sora-1 status",
            () => new HttpRequestMessage(HttpMethod.Get, Url($"video/generations/jobs/{Uri.EscapeDataString(jobId)}")),
            async (response, c) => JobOf(await Json.ReadAsync(response, c)),
            cancellationToken);

    /// <summary>Jobs are listed with their prompt and size: one made since the send with exactly ours is ours.</summary>
    public override async Task<JobLookup> FindJobAsync(string idempotencyKey, ShotRequest request, DateTime sentAfterUtc, CancellationToken cancellationToken = default)
    {
        var since = new DateTimeOffset(sentAfterUtc, TimeSpan.Zero).ToUnixTimeSeconds();
        var list = await Http.SendAsync(CallKind.Query, "sora-1 job list",
            () => new HttpRequestMessage(HttpMethod.Get, Url("video/generations/jobs", $"limit={LookupLimit}")), (r, c) => Json.ReadAsync(r, c), cancellationToken);
        var match = (Json.Array(list, "data") ?? []).FirstOrDefault(job =>
            Json.Text(job, "prompt") == request.Prompt
            && Json.Text(job, "width") == request.Size.Width.ToString(CultureInfo.InvariantCulture)
            && Json.Text(job, "height") == request.Size.Height.ToString(CultureInfo.InvariantCulture)
            && Json.Text(job, "n_seconds") == ((int)request.Seconds).ToString(CultureInfo.InvariantCulture)
            && Json.Decimal(job, "created_at") >= since);
        return match is null ? JobLookup.NotFound() : JobLookup.Found(JobOf(match));
    }

    private JobStatus JobOf(JsonNode job)
    {
        var id = Json.RequireText(job, "id");
        return Json.RequireText(job, "status") switch
        {
            "queued" or "preprocessing" => new JobStatus { State = JobState.Queued, JobId = id },
            "running" or "processing" => Running(id),
            "succeeded" => new JobStatus
            {
                State = JobState.Succeeded,
                JobId = id,
                Progress = 100,
                ResultUrl = Url($"video/generations/{Uri.EscapeDataString(Json.RequireText(job, "generations", "0", "id"))}/content/video").ToString(),
            },
            "failed" or "cancelled" => Failure(id, Json.Text(job, "failure_reason"), Json.Text(job, "status")!),
            var other => throw new FormatException($"unknown status '{other}'"),
        };
    }

    private static JobStatus Failure(string id, string? reason, string status) => reason switch
    {
        "input_moderation" or "output_moderation" => JobStatus.Failed(id, FailureReason.Moderation, reason, $"the job {status}: {reason}"),
        "internal_error" => JobStatus.Failed(id, FailureReason.Transient, reason, $"the job {status}: internal error"),
        _ => JobStatus.Failed(id, FailureReason.Unknown, reason ?? status, $"the job {status}{(reason is null ? "" : ": " + reason)}"),
    };

    private Uri Url(string path, string? query = null)
    {
        var version = "api-version=" + Uri.EscapeDataString(_options.ApiVersion ?? "preview");
        return new Uri(_base, $"{path}?{version}{(query is null ? "" : "&" + query)}");
    }

    private static StringContent JsonBody(Dictionary<string, string> fields) => Json.Body(new JsonObject
    {
        ["model"] = fields["model"],
        ["prompt"] = fields["prompt"],
        ["width"] = int.Parse(fields["width"], CultureInfo.InvariantCulture),
        ["height"] = int.Parse(fields["height"], CultureInfo.InvariantCulture),
        ["n_seconds"] = int.Parse(fields["n_seconds"], CultureInfo.InvariantCulture),
        ["n_variants"] = 1,
    });

    /// <summary>Image-to-video: the same fields as strings, the picture as a file part, and inpaint_items placing it at frame 0.</summary>
    private static MultipartFormDataContent FormBody(Dictionary<string, string> fields, byte[] picture, string fileName)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(picture);
        file.Headers.ContentType = new MediaTypeHeaderValue(ReferenceImages.ContentType(fileName));
        form.Add(file, "files", fileName);
        var items = new JsonArray(new JsonObject
        {
            ["frame_index"] = 0,
            ["type"] = "image",
            ["file_name"] = fileName,
            ["crop_bounds"] = new JsonObject { ["left_fraction"] = 0.0, ["top_fraction"] = 0.0, ["right_fraction"] = 1.0, ["bottom_fraction"] = 1.0 },
        });
        form.Add(new StringContent(items.ToJsonString()), "inpaint_items");
        return form;
    }
}
