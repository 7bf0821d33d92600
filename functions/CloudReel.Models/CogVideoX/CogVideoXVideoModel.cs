using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Models.Configuration;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.CogVideoX;

/// <summary>
/// Zhipu CogVideoX: POST /videos/generations, poll GET /async-result/{id}. Quirks: upper-case
/// statuses PROCESSING / SUCCESS / FAIL, prompts of at most 512 characters, two images meaning
/// first and last frame. The content key goes out as request_id, but no documented call finds a
/// task by it, so a lost submit answer cannot be looked up.
/// </summary>
public sealed class CogVideoXVideoModel(CogVideoXOptions options, ProviderHttp http, ReferenceImages images) : HttpVideoModel(http)
{
    private readonly Uri _base = options.ServiceUri(options.DocumentedUrl);

    public override ModelCapabilities Capabilities { get; } = CapabilitiesFor(options);

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(options.ApiKey);

    public override string? SetupHint => "set Models:CogVideoX:ApiKey (environment CLOUDREEL__MODELS__COGVIDEOX__APIKEY)";

    public static ModelCapabilities CapabilitiesFor(CogVideoXOptions options) => new()
    {
        Name = "cogvideox",
        Version = $"{options.Model}/{options.Quality}/{options.Fps}fps",
        Provider = "Zhipu (CogVideoX)",
        Durations = DurationOptions.Only(5, 10),
        Sizes = [new FrameSize(1280, 720), new FrameSize(720, 1280), new FrameSize(1024, 1024), new FrameSize(1920, 1080), new FrameSize(1080, 1920), new FrameSize(3840, 2160)],
        ImageToVideo = true,
        LastFrame = options.Quality.Equals("speed", StringComparison.OrdinalIgnoreCase),
        MaxPromptLength = 512,
        // 1302 "concurrency too high" is per account (UNCONFIRMED default).
        MaxConcurrentJobs = options.MaxConcurrentJobs ?? 2,
        // UNCONFIRMED: no official price was found; set Models:CogVideoX:PricePerSecond.
        PricePerSecond = options.PricePerSecond ?? 0.03m,
        Currency = options.Currency,
        ResubmitIsFree = false,
        PollInterval = options.PollInterval(5),
        JobTimeout = options.JobTimeout(30),
    };

    protected override async Task<JobStatus> SendJobAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["model"] = options.Model,
            ["prompt"] = request.Prompt,
            ["quality"] = options.Quality,
            ["with_audio"] = false,
            ["size"] = request.Size.ToString(),
            ["fps"] = options.Fps,
            ["duration"] = (int)request.Seconds,
            ["request_id"] = idempotencyKey,
        };
        if (request.FirstFrame is { } first)
        {
            var firstUrl = await images.DataUrlAsync(first, cancellationToken);
            body["image_url"] = request.LastFrame is { } last
                ? new JsonArray(firstUrl, await images.DataUrlAsync(last, cancellationToken))
                : firstUrl;
        }

        var text = body.ToJsonString();
        return await Http.SendAsync(CallKind.Submit, "cogvideox submit",
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(_base, "videos/generations")) { Content = Json.Body(text) },
            async (response, c) =>
            {
                var created = await Json.ReadAsync(response, c);
                return Json.Text(created, "task_status") == "FAIL"
                    ? JobStatus.Failed(Json.Text(created, "id"), FailureReason.Unknown, "FAIL", "the task failed as it was created")
                    : new JobStatus { State = JobState.Queued, JobId = Json.RequireText(created, "id") };
            },
            cancellationToken);
    }

    protected override Task<JobStatus> QueryJobAsync(string jobId, CancellationToken cancellationToken) =>
        Http.SendAsync(CallKind.Query, "cogvideox status",
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(_base, $"async-result/{Uri.EscapeDataString(jobId)}")),
            async (response, c) => JobOf(jobId, await Json.ReadAsync(response, c)),
            cancellationToken);

    public override Task<JobLookup> FindJobAsync(string idempotencyKey, ShotRequest request, DateTime sentAfterUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(JobLookup.Unsupported("Zhipu documents no call that finds a task by its request_id"));

    private JobStatus JobOf(string jobId, JsonNode result) => Json.RequireText(result, "task_status") switch
    {
        "PROCESSING" => Running(jobId),
        "SUCCESS" => new JobStatus { State = JobState.Succeeded, JobId = jobId, Progress = 100, ResultUrl = Json.RequireText(result, "video_result", "0", "url") },
        "FAIL" => (CogVideoXErrors.Named(Json.Text(result, "error", "code"), Json.Text(result, "error", "message") ?? "the task failed")
            ?? new ProviderError(FailureReason.Unknown, "FAIL", Json.Text(result, "error", "message") ?? "the task failed")).ToStatus(jobId),
        var other => throw new FormatException($"unknown task_status '{other}'"),
    };
}
