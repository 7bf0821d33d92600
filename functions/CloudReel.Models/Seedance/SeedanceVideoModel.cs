using System.Globalization;
using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Models.Configuration;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.Seedance;

/// <summary>
/// Seedance through Ark's content-generation tasks: POST /contents/generations/tasks with a content
/// list (text, then images with roles first_frame / last_frame / reference_image), poll GET
/// /contents/generations/tasks/{id}. Ratio and duration go as prompt commands or as JSON fields
/// (<see cref="SeedanceOptions.Parameters"/>). The actual cost comes from the task's token usage.
/// Ark takes no client task id, so a lost submit answer cannot be looked up.
/// </summary>
public sealed class SeedanceVideoModel(SeedanceOptions options, ProviderHttp http, ReferenceImages images) : HttpVideoModel(http)
{
    private readonly Uri _base = options.ServiceUri(options.DocumentedUrl);

    public override ModelCapabilities Capabilities { get; } = CapabilitiesFor(options);

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(options.ApiKey);

    public override string? SetupHint => "set Models:Seedance:ApiKey (environment CLOUDREEL__MODELS__SEEDANCE__APIKEY)";

    public static ModelCapabilities CapabilitiesFor(SeedanceOptions options)
    {
        var lines = int.Parse(options.Resolution.TrimEnd('p', 'P'), CultureInfo.InvariantCulture);
        var wide = lines * 16 / 9 / 2 * 2;
        var tokensPerSecond = (decimal)wide * lines * options.Fps / 1024;
        return new ModelCapabilities
        {
            Name = "seedance",
            Version = $"{options.Model}@{options.Resolution}",
            Provider = "Volcengine Ark / BytePlus (Seedance)",
            Durations = DurationOptions.Only(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
            Sizes = [new FrameSize(wide, lines), new FrameSize(lines, wide), new FrameSize(lines, lines), new FrameSize(lines * 4 / 3 / 2 * 2, lines), new FrameSize(lines, lines * 4 / 3 / 2 * 2)],
            ImageToVideo = true,
            LastFrame = true,
            MaxReferenceImages = 4,
            // Per endpoint, set on the console (UNCONFIRMED default).
            MaxConcurrentJobs = options.MaxConcurrentJobs ?? 2,
            PricePerSecond = options.PricePerSecond ?? decimal.Round(tokensPerSecond * options.PricePerMillionTokens / 1_000_000m, 4),
            Currency = options.Currency,
            ResubmitIsFree = false,
            PollInterval = options.PollInterval(5),
            JobTimeout = options.JobTimeout(30),
        };
    }

    protected override async Task<JobStatus> SendJobAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var ratio = RatioOf(request.Size);
        var seconds = ((int)request.Seconds).ToString(CultureInfo.InvariantCulture);
        var asText = !options.Parameters.Equals("fields", StringComparison.OrdinalIgnoreCase);
        var text = asText
            ? $"{request.Prompt} --resolution {options.Resolution} --ratio {ratio} --duration {seconds} --seed {request.Seed} --watermark false"
            : request.Prompt;
        var content = new JsonArray { new JsonObject { ["type"] = "text", ["text"] = text } };
        foreach (var (image, role) in Pictures(request))
        {
            content.Add(new JsonObject
            {
                ["type"] = "image_url",
                ["image_url"] = new JsonObject { ["url"] = await images.DataUrlAsync(image, cancellationToken) },
                ["role"] = role,
            });
        }

        var body = new JsonObject { ["model"] = options.Model, ["content"] = content };
        if (!asText)
        {
            body["resolution"] = options.Resolution;
            body["ratio"] = ratio;
            body["duration"] = (int)request.Seconds;
            body["seed"] = request.Seed;
            body["watermark"] = false;
        }

        var json = body.ToJsonString();
        return await Http.SendAsync(CallKind.Submit, "seedance submit",
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(_base, "contents/generations/tasks")) { Content = Json.Body(json) },
            async (response, c) => new JobStatus { State = JobState.Queued, JobId = Json.RequireText(await Json.ReadAsync(response, c), "id") },
            cancellationToken);
    }

    protected override Task<JobStatus> QueryJobAsync(string jobId, CancellationToken cancellationToken) =>
        Http.SendAsync(CallKind.Query, "seedance status",
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(_base, $"contents/generations/tasks/{Uri.EscapeDataString(jobId)}")),
            async (response, c) => JobOf(jobId, await Json.ReadAsync(response, c)),
            cancellationToken);

    public override Task<JobLookup> FindJobAsync(string idempotencyKey, ShotRequest request, DateTime sentAfterUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(JobLookup.Unsupported("Ark takes no client task id, so its task list cannot tell which task was ours"));

    private JobStatus JobOf(string jobId, JsonNode task)
    {
        switch (Json.RequireText(task, "status"))
        {
            case "queued":
                return new JobStatus { State = JobState.Queued, JobId = jobId };
            case "running":
                return Running(jobId);
            case "succeeded":
                return new JobStatus
                {
                    State = JobState.Succeeded,
                    JobId = jobId,
                    Progress = 100,
                    ResultUrl = Json.RequireText(task, "content", "video_url"),
                    Cost = Json.Decimal(task, "usage", "completion_tokens") is { } tokens ? decimal.Round(tokens * options.PricePerMillionTokens / 1_000_000m, 4) : null,
                };
            case "failed" or "cancelled":
                var code = Json.Text(task, "error", "code");
                var message = Json.Text(task, "error", "message") ?? $"the task {Json.Text(task, "status")}";
                return (SeedanceErrors.Named(code, message) ?? new ProviderError(FailureReason.Unknown, code, message)).ToStatus(jobId);
            default:
                throw new FormatException($"unknown status '{Json.Text(task, "status")}'");
        }
    }

    private static IEnumerable<(ReferenceImage Image, string Role)> Pictures(ShotRequest request)
    {
        if (request.FirstFrame is { } first) yield return (first, "first_frame");
        if (request.LastFrame is { } last) yield return (last, "last_frame");
        foreach (var subject in request.Subjects) yield return (subject, "reference_image");
    }

    private static string RatioOf(FrameSize size) => size.Ratio switch
    {
        > 1.5 => "16:9",
        > 1.1 => "4:3",
        > 0.9 => "1:1",
        > 0.66 => "3:4",
        _ => "9:16",
    };
}
