using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Models.Configuration;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.AzureOpenAI;

/// <summary>
/// Azure OpenAI Sora 2 on the v1 API (OpenAI's videos schema): POST /openai/v1/videos (JSON, or
/// multipart with an input_reference picture of exactly the video's size), GET /openai/v1/videos/{id},
/// GET …/content?variant=video. Quirks: seconds as a string ("4", "8", "12"), size as "WxH", statuses
/// queued / in_progress / completed / failed, and an openai-poll-after-ms hint. No client id can be
/// sent and the video list shows no prompts, so a lost submit answer cannot be looked up.
/// </summary>
public sealed class Sora2VideoModel(AzureOpenAIOptions resource, ProviderHttp http, ReferenceImages images, IImageFitter fitter) : HttpVideoModel(http)
{
    private readonly SoraOptions _options = resource.Sora2;
    private readonly Uri _base = new((resource.Endpoint ?? "https://example.openai.azure.com").TrimEnd('/') + "/openai/v1/");

    public override ModelCapabilities Capabilities { get; } = new()
    {
        Name = "sora-2",
        Version = resource.Sora2.Deployment ?? "sora-2",
        Provider = "Azure OpenAI (Sora 2)",
        Durations = DurationOptions.Only(4, 8, 12),
        // "720p only in public preview" on Azure.
        Sizes = [new FrameSize(1280, 720), new FrameSize(720, 1280)],
        ImageToVideo = true,
        // Sora 2 makes its clips with sound: a silent one is a bad take.
        MakesSound = true,
        MaxConcurrentJobs = resource.Sora2.MaxConcurrentJobs ?? 2,
        ConcurrencyGroup = "azure-openai:" + ResourceName(resource),
        // OpenAI's sora-2 price; Azure's own is not published (UNCONFIRMED).
        PricePerSecond = resource.Sora2.PricePerSecond ?? 0.10m,
        Currency = resource.Sora2.Currency,
        ResubmitIsFree = false,
        PollInterval = resource.Sora2.PollInterval(5),
        JobTimeout = resource.Sora2.JobTimeout(30),
    };

    public override bool IsConfigured => resource.IsConfigured && _options.Enabled && !string.IsNullOrWhiteSpace(_options.Deployment);

    public override string? SetupHint => "set Models:AzureOpenAI:Endpoint and Models:AzureOpenAI:ApiKey (or UseEntraId=true); the deployment is Models:AzureOpenAI:Sora2:Deployment (default sora-2)";

    public static string ResourceName(AzureOpenAIOptions resource) =>
        Uri.TryCreate(resource.Endpoint, UriKind.Absolute, out var uri) ? uri.Host : "azure-openai";

    protected override async Task<JobStatus> SendJobAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var seconds = ((int)request.Seconds).ToString(CultureInfo.InvariantCulture);
        var size = request.Size.ToString();
        var model = _options.Deployment!;
        byte[]? reference = null;
        if (request.FirstFrame is { } first)
        {
            reference = await fitter.FitAsync(await images.BytesAsync(first, cancellationToken), Path.GetExtension(first.StoreName), request.Size, cancellationToken);
        }

        return await Http.SendAsync(CallKind.Submit, "sora-2 create",
            () => new HttpRequestMessage(HttpMethod.Post, Url("videos")) { Content = reference is null ? JsonBody(request.Prompt, model, size, seconds) : FormBody(request.Prompt, model, size, seconds, reference) },
            async (response, c) => JobOf(await Json.ReadAsync(response, c), response),
            cancellationToken);
    }

    protected override Task<JobStatus> QueryJobAsync(string jobId, CancellationToken cancellationToken) =>
        Http.SendAsync(CallKind.Query, "sora-2 status",
            () => new HttpRequestMessage(HttpMethod.Get, Url($"videos/{Uri.EscapeDataString(jobId)}")),
            async (response, c) => JobOf(await Json.ReadAsync(response, c), response),
            cancellationToken);

    protected override Task FetchClipAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken) =>
        Http.SendAsync(CallKind.Download, "sora-2 content",
            () => new HttpRequestMessage(HttpMethod.Get, Url($"videos/{Uri.EscapeDataString(succeeded.JobId!)}/content", "variant=video")),
            (response, c) => CopyClipAsync(response, destination, c),
            cancellationToken);

    public override Task<JobLookup> FindJobAsync(string idempotencyKey, ShotRequest request, DateTime sentAfterUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(JobLookup.Unsupported("Sora 2 takes no client id and its video list shows no prompts to match"));

    private JobStatus JobOf(JsonNode video, HttpResponseMessage response)
    {
        var id = Json.RequireText(video, "id");
        var hint = RetryHints.Milliseconds(response.Headers, "openai-poll-after-ms");
        var progress = Json.Decimal(video, "progress") is { } p ? (int)p : (int?)null;
        return Json.RequireText(video, "status") switch
        {
            "queued" => new JobStatus { State = JobState.Queued, JobId = id, PollAfter = hint, Progress = progress },
            "in_progress" => Running(id, hint, progress),
            "completed" => new JobStatus { State = JobState.Succeeded, JobId = id, Progress = 100 },
            "failed" or "cancelled" => Failure(id, Json.Text(video, "error", "code"), Json.Text(video, "error", "message") ?? $"the video {Json.Text(video, "status")}"),
            var other => throw new FormatException($"unknown status '{other}'"),
        };
    }

    /// <summary>The video error code for moderation is UNCONFIRMED: any code that names a policy or moderation counts.</summary>
    private static JobStatus Failure(string id, string? code, string message) =>
        JobStatus.Failed(id, AzureErrors.IsModeration(code) || code?.Contains("moderation", StringComparison.OrdinalIgnoreCase) == true ? FailureReason.Moderation : FailureReason.Unknown, code, message);

    private Uri Url(string path, string? query = null)
    {
        var parts = new[] { query, _options.ApiVersion is { } version ? "api-version=" + Uri.EscapeDataString(version) : null }.OfType<string>().ToList();
        return new Uri(_base, parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}");
    }

    private static StringContent JsonBody(string prompt, string model, string size, string seconds) =>
        Json.Body(new JsonObject { ["model"] = model, ["prompt"] = prompt, ["size"] = size, ["seconds"] = seconds });

    private static MultipartFormDataContent FormBody(string prompt, string model, string size, string seconds, byte[] reference)
    {
        var picture = new ByteArrayContent(reference);
        picture.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent
        {
            { new StringContent(model), "model" },
            { new StringContent(prompt), "prompt" },
            { new StringContent(size), "size" },
            { new StringContent(seconds), "seconds" },
            { picture, "input_reference", "reference.png" },
        };
    }
}
