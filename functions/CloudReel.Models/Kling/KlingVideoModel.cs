using System.Globalization;
using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Models.Configuration;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.Kling;

/// <summary>
/// Kling text-to-video, image-to-video (with an end frame) and multi-image reference ("elements": the
/// cast's pictures, 1–4, on kling-v1-6): POST /v1/videos/{text2video|image2video|multi-image2video},
/// poll GET /v1/videos/{family}/{task_id}. Quirks: statuses "submitted/processing/succeed/failed",
/// millisecond timestamps, duration as a string, raw base64 images. The clip's content key goes out
/// as external_task_id, which Kling keeps unique: a lost answer is found again in the task list.
/// Job ids here are "&lt;family&gt;/&lt;task_id&gt;", since each family has its own query path.
/// </summary>
public sealed class KlingVideoModel(KlingOptions options, ProviderHttp http, ReferenceImages images) : HttpVideoModel(http)
{
    private const int LookupPages = 5;
    private readonly Uri _base = options.ServiceUri(options.DocumentedUrl);

    public override ModelCapabilities Capabilities { get; } = CapabilitiesFor(options);

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(options.AccessKey) && !string.IsNullOrWhiteSpace(options.SecretKey);

    public override string? SetupHint => "set Models:Kling:AccessKey and Models:Kling:SecretKey (environment CLOUDREEL__MODELS__KLING__ACCESSKEY, CLOUDREEL__MODELS__KLING__SECRETKEY)";

    protected override bool ResendWhenNotFound => true;

    /// <summary>Tasks per page of the task list when looking a job up.</summary>
    internal int LookupPageSize { get; init; } = 100;

    public static ModelCapabilities CapabilitiesFor(KlingOptions options)
    {
        var pro = options.Mode.Equals("pro", StringComparison.OrdinalIgnoreCase);
        var units = options.UnitsPerSecond ?? KlingPricing.UnitsPerSecond(options.ModelName, options.Mode);
        return new ModelCapabilities
        {
            Name = "kling",
            Version = $"{options.ModelName}/{options.Mode}",
            Provider = "Kling (Kuaishou)",
            Durations = DurationOptions.Only(5, 10),
            Sizes = pro
                ? [new FrameSize(1920, 1080), new FrameSize(1080, 1920), new FrameSize(1080, 1080)]
                : [new FrameSize(1280, 720), new FrameSize(720, 1280), new FrameSize(720, 720)],
            ImageToVideo = true,
            LastFrame = true,
            MaxReferenceImages = 4,
            MaxPromptLength = 2500,
            // Account-wide, set by the resource pack (UNCONFIRMED default; set Models:Kling:MaxConcurrentJobs).
            MaxConcurrentJobs = options.MaxConcurrentJobs ?? 3,
            PricePerSecond = options.PricePerSecond ?? decimal.Round(units * options.UnitPrice, 4),
            Currency = options.Currency,
            ResubmitIsFree = false,
            PollInterval = options.PollInterval(5),
            JobTimeout = options.JobTimeout(30),
        };
    }

    protected override async Task<JobStatus> SendJobAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var family = FamilyOf(request);
        var body = new JsonObject
        {
            ["model_name"] = family == MultiImage ? options.ElementsModelName : options.ModelName,
            ["prompt"] = request.Prompt,
            ["mode"] = options.Mode,
            ["duration"] = ((int)request.Seconds).ToString(CultureInfo.InvariantCulture),
            ["external_task_id"] = idempotencyKey,
        };
        if (request.FirstFrame is { } first)
        {
            body["image"] = await images.Base64Async(first, cancellationToken);
            if (request.LastFrame is { } last) body["image_tail"] = await images.Base64Async(last, cancellationToken);
        }
        else
        {
            body["aspect_ratio"] = AspectOf(request.Size);
        }
        if (family == MultiImage)
        {
            var list = new JsonArray();
            foreach (var subject in request.Subjects) list.Add(new JsonObject { ["image"] = await images.Base64Async(subject, cancellationToken) });
            body["image_list"] = list;
        }

        var text = body.ToJsonString();
        return await Http.SendAsync(CallKind.Submit, "kling submit",
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(_base, $"v1/videos/{family}")) { Content = Json.Body(text) },
            async (response, c) => JobOf(family, Envelope(await Json.ReadAsync(response, c))),
            cancellationToken);
    }

    protected override Task<JobStatus> QueryJobAsync(string jobId, CancellationToken cancellationToken)
    {
        var (family, taskId) = Split(jobId);
        return Http.SendAsync(CallKind.Query, "kling status",
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(_base, $"v1/videos/{family}/{Uri.EscapeDataString(taskId)}")),
            async (response, c) => JobOf(family, Envelope(await Json.ReadAsync(response, c))),
            cancellationToken);
    }

    /// <summary>Looks through the family's task list (newest first) for the task carrying our external_task_id.</summary>
    public override async Task<JobLookup> FindJobAsync(string idempotencyKey, ShotRequest request, DateTime sentAfterUtc, CancellationToken cancellationToken = default)
    {
        var family = FamilyOf(request);
        var sentAfterMs = new DateTimeOffset(sentAfterUtc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var page = 1; page <= LookupPages; page++)
        {
            var tasks = await Http.SendAsync(CallKind.Query, "kling task list",
                () => new HttpRequestMessage(HttpMethod.Get, new Uri(_base, $"v1/videos/{family}?pageNum={page}&pageSize={LookupPageSize}")),
                async (response, c) => Json.Array(Envelope(await Json.ReadAsync(response, c))) ?? throw new KeyNotFoundException("data is not a list"),
                cancellationToken);
            if (tasks.FirstOrDefault(t => Json.Text(t, "task_info", "external_task_id") == idempotencyKey) is { } found)
            {
                return JobLookup.Found(JobOf(family, found));
            }

            var oldest = tasks.Select(t => Json.Decimal(t, "created_at")).OfType<decimal>().DefaultIfEmpty(0).Min();
            if (tasks.Count < LookupPageSize || oldest < sentAfterMs) break;
        }

        return JobLookup.NotFound();
    }

    private JobStatus JobOf(string family, JsonNode? data)
    {
        var jobId = $"{family}/{Json.RequireText(data, "task_id")}";
        return Json.RequireText(data, "task_status") switch
        {
            "submitted" => new JobStatus { State = JobState.Queued, JobId = jobId },
            "processing" => Running(jobId),
            "succeed" => new JobStatus
            {
                State = JobState.Succeeded,
                JobId = jobId,
                Progress = 100,
                ResultUrl = Json.RequireText(data, "task_result", "videos", "0", "url"),
                Cost = Json.Decimal(data, "final_unit_deduction") is { } units ? decimal.Round(units * options.UnitPrice, 4) : null,
            },
            "failed" => new JobStatus { State = JobState.Failed, JobId = jobId, Failure = KlingErrors.TaskFailure(Json.Text(data, "task_status_msg")) },
            var other => throw new FormatException($"unknown task_status '{other}'"),
        };
    }

    /// <summary>The envelope's data; a non-zero code in a 200 answer is an error answer all the same.</summary>
    private static JsonNode? Envelope(JsonNode body)
    {
        var code = Json.Text(body, "code");
        if (code is not null and not "0")
        {
            var error = new KlingErrors().Classify(200, body.ToJsonString());
            throw new ProviderStatusException(System.Net.HttpStatusCode.OK, error, null);
        }

        return Json.At(body, "data");
    }

    private const string MultiImage = "multi-image2video";

    private static string FamilyOf(ShotRequest request) =>
        request.FirstFrame is not null ? "image2video" : request.Subjects.Count > 0 ? MultiImage : "text2video";

    private static (string Family, string TaskId) Split(string jobId) =>
        jobId.IndexOf('/', StringComparison.Ordinal) is var slash and > 0
            ? (jobId[..slash], jobId[(slash + 1)..])
            : ("text2video", jobId);

    private static string AspectOf(FrameSize size) => Math.Abs(size.Ratio - 1) < 0.02 ? "1:1" : size.Width > size.Height ? "16:9" : "9:16";
}
