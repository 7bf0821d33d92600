using System.Globalization;
using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Models.Configuration;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.Vidu;

/// <summary>
/// Vidu text2video, img2video, reference2video and start-end2video (POST /ent/v2/&lt;mode&gt;), polled
/// with GET /ent/v2/tasks/{id}/creations. Quirks: "Token" auth, states "created/queueing/processing/
/// success/failed", ISO timestamps, images as data URLs. The clip's content key travels in the
/// pass-through <c>payload</c>, so a lost answer can be found in the task list.
/// </summary>
public sealed class ViduVideoModel(ViduOptions options, ProviderHttp http, ReferenceImages images) : HttpVideoModel(http)
{
    private const string PayloadPrefix = "cloudreel:";
    private const int LookupPages = 5;
    private readonly Uri _base = options.ServiceUri(options.DocumentedUrl);

    public override ModelCapabilities Capabilities { get; } = CapabilitiesFor(options);

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(options.ApiKey);

    public override string? SetupHint => "set Models:Vidu:ApiKey (environment CLOUDREEL__MODELS__VIDU__APIKEY)";

    public static ModelCapabilities CapabilitiesFor(ViduOptions options)
    {
        var lines = int.Parse(options.Resolution.TrimEnd('p', 'P'), CultureInfo.InvariantCulture);
        var wide = lines * 16 / 9 / 2 * 2;
        return new ModelCapabilities
        {
            Name = "vidu",
            Version = $"{options.Model}+{options.ImageModel}@{options.Resolution}",
            Provider = "Vidu (ShengShu)",
            Durations = DurationOptions.Only(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            Sizes = [new FrameSize(wide, lines), new FrameSize(lines, wide), new FrameSize(lines, lines)],
            ImageToVideo = true,
            LastFrame = true,
            MaxReferenceImages = 7,
            MaxPicturesPerSubject = 3,
            // The FAQ says about 1,500 characters, the API reference 2,000: the stricter one.
            MaxPromptLength = 1500,
            // Account-wide (GET /credits shows concurrency_limit); UNCONFIRMED default.
            MaxConcurrentJobs = options.MaxConcurrentJobs ?? 2,
            // UNCONFIRMED: Vidu prices in credits and publishes no credit price; set PricePerSecond or CreditPrice.
            PricePerSecond = options.PricePerSecond ?? 0.05m,
            Currency = options.Currency,
            ResubmitIsFree = false,
            PollInterval = options.PollInterval(5),
            JobTimeout = options.JobTimeout(30),
        };
    }

    protected override string? Problem(ShotRequest request) =>
        base.Problem(request) ?? (request.LastFrame is not null && request.Seconds > 8 ? "Vidu makes first-and-last-frame clips of at most 8 s" : null);

    protected override async Task<JobStatus> SendJobAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        var (mode, model, pictures) = request switch
        {
            { FirstFrame: { } first, LastFrame: { } last } => ("start-end2video", options.ImageModel, new[] { first, last }),
            { FirstFrame: { } first } => ("img2video", options.ImageModel, new[] { first }),
            { Subjects.Count: > 0 } => ("reference2video", options.Model, request.Subjects.ToArray()),
            _ => ("text2video", options.Model, Array.Empty<ReferenceImage>()),
        };
        var body = new JsonObject
        {
            ["model"] = model,
            ["prompt"] = request.Prompt,
            ["duration"] = (int)request.Seconds,
            ["seed"] = request.Seed,
            ["resolution"] = options.Resolution,
            ["payload"] = PayloadPrefix + idempotencyKey,
        };
        if (mode is "text2video" or "reference2video") body["aspect_ratio"] = AspectOf(request.Size);
        if (mode == "reference2video" && pictures.Any(p => p.Subject is not null))
        {
            var (subjects, prompt) = await SubjectsAsync(request, cancellationToken);
            body["subjects"] = subjects;
            body["prompt"] = prompt;
        }
        else if (pictures.Length > 0)
        {
            var list = new JsonArray();
            foreach (var picture in pictures) list.Add(await images.DataUrlAsync(picture, cancellationToken));
            body["images"] = list;
        }

        var text = body.ToJsonString();
        return await Http.SendAsync(CallKind.Submit, "vidu submit",
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(_base, mode)) { Content = Json.Body(text) },
            async (response, c) =>
            {
                var created = await Json.ReadAsync(response, c);
                var taskId = Json.RequireText(created, "task_id");
                return Json.Text(created, "state") == "failed"
                    ? Failed(taskId, Json.Text(created, "err_code"))
                    : new JobStatus { State = JobState.Queued, JobId = taskId };
            },
            cancellationToken);
    }

    /// <summary>
    /// The cast as Vidu subjects: each character's pictures under its id, named "@id" in the prompt
    /// right after the character's name (or at the start when the prompt does not name it). Pictures
    /// of no character each become a subject of their own.
    /// </summary>
    private async Task<(JsonArray Subjects, string Prompt)> SubjectsAsync(ShotRequest request, CancellationToken cancellationToken)
    {
        var subjects = new JsonArray();
        var prompt = request.Prompt;
        var loose = 0;
        foreach (var group in request.Subjects.GroupBy(s => s.Subject ?? $"ref{++loose}"))
        {
            var pictures = new JsonArray();
            foreach (var picture in group.Take(3)) pictures.Add(await images.DataUrlAsync(picture, cancellationToken));
            subjects.Add(new JsonObject { ["id"] = group.Key, ["images"] = pictures });
            prompt = Mention(prompt, group.Key, request.Cast.FirstOrDefault(c => c.Id == group.Key)?.Name);
        }
        return (subjects, prompt);
    }

    private static string Mention(string prompt, string id, string? name)
    {
        var at = name is null ? -1 : prompt.IndexOf(name, StringComparison.Ordinal);
        return at < 0 ? $"@{id} {prompt}" : prompt.Insert(at + name!.Length, $" @{id}");
    }

    protected override Task<JobStatus> QueryJobAsync(string jobId, CancellationToken cancellationToken) =>
        Http.SendAsync(CallKind.Query, "vidu status",
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(_base, $"tasks/{Uri.EscapeDataString(jobId)}/creations")),
            async (response, c) => JobOf(jobId, await Json.ReadAsync(response, c)),
            cancellationToken);

    /// <summary>
    /// Pages through tasks created since the send, matching our payload. Whether list items carry the
    /// payload is UNCONFIRMED: a list without any payloads cannot answer, and says so.
    /// </summary>
    public override async Task<JobLookup> FindJobAsync(string idempotencyKey, ShotRequest request, DateTime sentAfterUtc, CancellationToken cancellationToken = default)
    {
        var from = Uri.EscapeDataString(sentAfterUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        string? token = null;
        var sawPayloads = false;
        for (var page = 0; page < LookupPages; page++)
        {
            var query = $"tasks?created_at.from={from}&pager.page_size=100" + (token is null ? "" : "&pager.page_token=" + Uri.EscapeDataString(token));
            var listed = await Http.SendAsync(CallKind.Query, "vidu task list",
                () => new HttpRequestMessage(HttpMethod.Get, new Uri(_base, query)), (r, c) => Json.ReadAsync(r, c), cancellationToken);
            var tasks = Json.Array(listed, "tasks") ?? [];
            sawPayloads |= tasks.Any(t => Json.Text(t, "payload") is not null);
            if (tasks.FirstOrDefault(t => Json.Text(t, "payload") == PayloadPrefix + idempotencyKey) is { } found)
            {
                var id = Json.Text(found, "id") ?? Json.RequireText(found, "task_id");
                return JobLookup.Found(JobOf(id, found));
            }

            token = Json.Text(listed, "next_page_token");
            if (string.IsNullOrEmpty(token)) break;
        }

        return sawPayloads ? JobLookup.NotFound() : JobLookup.Unsupported("Vidu's task list shows no payloads to match the job by");
    }

    private JobStatus JobOf(string jobId, JsonNode task) => Json.RequireText(task, "state") switch
    {
        "created" or "queueing" => new JobStatus { State = JobState.Queued, JobId = jobId },
        "processing" => Running(jobId),
        "success" => new JobStatus
        {
            State = JobState.Succeeded,
            JobId = jobId,
            Progress = 100,
            ResultUrl = Json.RequireText(task, "creations", "0", "url"),
            Cost = options.CreditPrice is { } price && Json.Decimal(task, "credits") is { } credits ? decimal.Round(credits * price, 4) : null,
        },
        "failed" => Failed(jobId, Json.Text(task, "err_code")),
        var other => throw new FormatException($"unknown state '{other}'"),
    };

    private static JobStatus Failed(string jobId, string? errorCode) =>
        (ViduErrors.Named(errorCode, $"the task failed: {errorCode ?? "no reason given"}") ?? new ProviderError(FailureReason.Unknown, errorCode, $"the task failed: {errorCode ?? "no reason given"}"))
        .ToStatus(jobId);

    private static string AspectOf(FrameSize size) => Math.Abs(size.Ratio - 1) < 0.02 ? "1:1" : size.Width > size.Height ? "16:9" : "9:16";
}
