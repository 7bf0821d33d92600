using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CloudReel.Testing.Fakes;

/// <summary>A request a fake received, for tests that check what the client sent.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? Authorization, string Body, string? ContentType);

/// <summary>
/// The machinery every fake service shares: Kestrel on 127.0.0.1 (a free port), jobs that run for
/// a few polls and end as <see cref="JobOutcome"/> says, faults injected per operation, download
/// links that can expire, and counters so tests can assert that no job was submitted twice.
/// </summary>
public abstract partial class FakeService : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private WebApplication? _app;
    private int _submitRequests;
    private int _downloads;
    private int _sequence;

    /// <summary>http://127.0.0.1:&lt;port&gt;</summary>
    public string Root { get; private set; } = "";

    public FaultScript Faults { get; } = new();

    public ConcurrentDictionary<string, FakeJob> Jobs { get; } = new(StringComparer.Ordinal);

    /// <summary>Every submit that reached the service, accepted or not.</summary>
    public int SubmitRequests => _submitRequests;

    /// <summary>Jobs the service made (and would charge for).</summary>
    public int JobsCreated => Jobs.Count;

    public int Downloads => _downloads;

    /// <summary>The most jobs that were running at the same time (what a service's concurrency cap limits).</summary>
    public int MostRunningAtOnce { get; private set; }

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>How the next jobs end.</summary>
    public JobOutcome Outcome { get; set; } = JobOutcome.Clip;

    /// <summary>How the next jobs end, one each in order; when it runs dry, <see cref="Outcome"/>.</summary>
    public Queue<JobOutcome> NextOutcomes { get; } = new();

    /// <summary>How many polls new jobs answer "running" before they end.</summary>
    public int RunningPolls { get; set; } = 1;

    /// <summary>While set, new jobs stay running until <see cref="ReleaseAll"/>.</summary>
    public bool HoldJobs { get; set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            _requests.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.FirstOrDefault(), body, context.Request.ContentType));
            await next(context);
        });
        Map(_app);
        _app.MapGet("/files/{id}.mp4", (string id, string? sig, HttpContext context) => ServeClipAsync(id, sig, context));
        await _app.StartAsync();
        Root = _app.Urls.First().TrimEnd('/');
    }

    public void ReleaseAll()
    {
        HoldJobs = false;
        foreach (var job in Jobs.Values) job.Held = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract void Map(IEndpointRouteBuilder app);

    /// <summary>The service's error answer.</summary>
    protected abstract IResult Error(int status, string code, string message);

    /// <summary>The service's answer to a fault of the given kind (rate limit, moderation, quota, server error).</summary>
    protected abstract IResult FaultAnswer(Fault fault);

    protected string NextId(string prefix) => $"{prefix}{Interlocked.Increment(ref _sequence):D4}";

    /// <summary>
    /// Runs a submit: counts it, applies a refusing fault (no job made), else makes the job and
    /// answers, late or broken when a fault says so.
    /// </summary>
    protected async Task<IResult> SubmitAsync(HttpContext context, Func<(FakeJob? Job, IResult Answer)> create)
    {
        Interlocked.Increment(ref _submitRequests);
        var fault = Faults.Next(Operation.Submit);
        if (fault is { Kind: FaultKind.TooManyRequests or FaultKind.Moderation or FaultKind.QuotaExhausted } || fault is { Kind: FaultKind.ServerError, AfterCreate: false })
        {
            return FaultAnswer(fault);
        }

        var (job, answer) = create();
        if (job is not null)
        {
            lock (NextOutcomes) job.Outcome = NextOutcomes.TryDequeue(out var next) ? next : Outcome;
            job.RunningPolls = RunningPolls;
            job.Held = HoldJobs;
            lock (Jobs)
            {
                Jobs[job.Id] = job;
                MostRunningAtOnce = Math.Max(MostRunningAtOnce, Jobs.Values.Count(j => !j.IsDone));
            }
        }

        return await AfterAsync(fault, context, answer);
    }

    /// <summary>Applies a fault to a read (status, list): refusing ones answer at once, late or broken ones after the work.</summary>
    protected async Task<IResult> ReadAsync(Operation operation, HttpContext context, Func<IResult> answer)
    {
        var fault = Faults.Next(operation);
        if (fault is { Kind: FaultKind.TooManyRequests or FaultKind.ServerError }) return FaultAnswer(fault);
        return await AfterAsync(fault, context, answer());
    }

    protected static IResult JsonAnswer(JsonNode body, int status = 200) => Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    protected static IResult RetryAfter(IResult inner, TimeSpan? wait) => wait is { } delay ? new WithHeader(inner, "Retry-After", ((int)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)) : inner;

    /// <summary>
    /// A fresh signed link to the job's clip, as services hand out with each result report; only the
    /// newest link works. With <see cref="JobOutcome.ExpiredLinkOnce"/> the first one handed out has
    /// expired by the time it is used; with <see cref="JobOutcome.ExpiredLink"/> every one has.
    /// </summary>
    protected string FreshClipUrl(FakeJob job)
    {
        job.LinkGeneration++;
        return $"{Root}/files/{job.Id}.mp4?sig=s{job.LinkGeneration}";
    }

    protected static async Task<JsonNode?> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
