using System.Net;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.Http;

/// <summary>
/// What every HTTP video service adapter shares: a submit that is never blindly sent twice (an
/// ambiguous send is looked up first), statuses that ride out rate limits and open circuits, and
/// downloads that ask for a fresh link when the old one expired. Adapters say how to send, read and
/// look up their service's jobs.
/// </summary>
public abstract class HttpVideoModel(ProviderHttp http) : IVideoModel, IDisposable
{
    /// <summary>How far the service's clock may be behind ours when matching a job to when it was sent.</summary>
    protected static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public abstract ModelCapabilities Capabilities { get; }

    public abstract bool IsConfigured { get; }

    public virtual string? SetupHint => null;

    protected ProviderHttp Http => http;

    public void Dispose()
    {
        http.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Whether a job that an ambiguous send may have made, and that a lookup did not find, may be sent
    /// again: true only where the service itself refuses a second job with the same external id.
    /// </summary>
    protected virtual bool ResendWhenNotFound => false;

    public async Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (Problem(request) is { } problem) return JobStatus.Failed(null, FailureReason.Invalid, "invalid-request", problem);
        var sentAfter = http.Time.GetUtcNow().UtcDateTime;
        try
        {
            return await SendJobAsync(request, idempotencyKey, cancellationToken);
        }
        catch (ProviderCallException call) when (call.Failure == CallFailure.Ambiguous)
        {
            return await ResolveAmbiguousAsync(request, idempotencyKey, sentAfter, call, cancellationToken);
        }
        catch (ProviderCallException call)
        {
            return SubmitFailure(call);
        }
    }

    public async Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await QueryJobAsync(jobId, cancellationToken);
        }
        catch (ProviderCallException call) when (call.Answer is { Error.RateLimited: true } answer)
        {
            return Running(jobId, answer.RetryAfter ?? Capabilities.PollInterval * 2);
        }
        catch (ProviderCallException call) when (call.Failure == CallFailure.NotSent)
        {
            // The circuit is open or the service unreachable: the job itself is fine as far as we know.
            return Running(jobId, TimeSpan.FromSeconds(http.Options.BreakerBreakSeconds));
        }
        catch (ProviderCallException call) when (call.Answer is { Status: HttpStatusCode.NotFound })
        {
            return JobStatus.Failed(jobId, FailureReason.Unknown, "job-not-found", $"the service no longer knows job {jobId}: {call.Message}");
        }
    }

    public async Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default)
    {
        try
        {
            await FetchClipAsync(succeeded, destination, cancellationToken);
        }
        catch (ProviderCallException call) when (IsGone(call) && succeeded.JobId is { } jobId)
        {
            // Result links expire: the job may hand out a fresh one.
            var fresh = await QueryJobAsync(jobId, cancellationToken);
            if (fresh.State != JobState.Succeeded || fresh.ResultUrl == succeeded.ResultUrl && fresh.ResultUrl is not null)
            {
                throw new ClipUnavailableException($"the clip of job {jobId} can no longer be fetched and the service gave no fresh link ({call.Message})");
            }

            try
            {
                await FetchClipAsync(fresh, destination, cancellationToken);
            }
            catch (ProviderCallException again) when (IsGone(again))
            {
                throw new ClipUnavailableException($"the clip of job {jobId} can no longer be fetched: {again.Message}");
            }
        }
    }

    public virtual Task<JobLookup> FindJobAsync(string idempotencyKey, ShotRequest request, DateTime sentAfterUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(JobLookup.Unsupported($"{Capabilities.Name} offers no way to look a job up by what was sent"));

    /// <summary>What the service cannot do with this request, said before any money is spent; null when it can.</summary>
    protected virtual string? Problem(ShotRequest request) =>
        Capabilities.Durations.Accepts(request.Seconds) ? null : $"{Capabilities.Name} makes {Capabilities.Durations}, not {request.Seconds} s";

    /// <summary>Sends the job; returns its status with the service's job id.</summary>
    protected abstract Task<JobStatus> SendJobAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken);

    protected abstract Task<JobStatus> QueryJobAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Writes a succeeded job's clip; by default fetches its result link (a signed URL, without our credentials).</summary>
    protected virtual Task FetchClipAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken)
    {
        var url = succeeded.ResultUrl ?? throw new ClipUnavailableException($"job {succeeded.JobId} succeeded without a link to its clip");
        return Http.SendAsync(CallKind.Download, $"{Capabilities.Name} download", () => new HttpRequestMessage(HttpMethod.Get, url), (r, c) => CopyClipAsync(r, destination, c), cancellationToken);
    }

    /// <summary>Copies a clip answer into <paramref name="destination"/> from its start, failing on a short body.</summary>
    protected static Task<bool> CopyClipAsync(HttpResponseMessage response, Stream destination, CancellationToken cancellationToken) =>
        ClipCopy.CopyAsync(response, destination, cancellationToken);

    protected JobStatus Running(string jobId, TimeSpan? pollAfter = null, int? progress = null) =>
        new() { State = JobState.Running, JobId = jobId, PollAfter = pollAfter, Progress = progress };

    private async Task<JobStatus> ResolveAmbiguousAsync(
        ShotRequest request, string idempotencyKey, DateTime sentAfter, ProviderCallException call, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(http.Options.LookupDelaySeconds), http.Time, cancellationToken);
        JobLookup lookup;
        try
        {
            lookup = await FindJobAsync(idempotencyKey, request, sentAfter - ClockSkew, cancellationToken);
        }
        catch (ProviderCallException failed)
        {
            lookup = JobLookup.Unsupported($"looking the job up failed as well ({failed.Message})");
        }

        if (lookup is { Result: JobLookupResult.Found, Job: { } found }) return found;
        if (lookup.Result == JobLookupResult.NotFound && ResendWhenNotFound)
        {
            try
            {
                return await SendJobAsync(request, idempotencyKey, cancellationToken);
            }
            catch (ProviderCallException again)
            {
                return again.Failure == CallFailure.Ambiguous ? Ambiguous($"{again.Message}, twice") : SubmitFailure(again);
            }
        }

        return Ambiguous(lookup.Result == JobLookupResult.NotFound
            ? $"{call.Message}; the job is not among the service's jobs yet, and sending it again could pay twice"
            : $"{call.Message}; {lookup.Reason}; it was not sent again, so it cannot be paid for twice");
    }

    private static JobStatus Ambiguous(string message) => JobStatus.Failed(null, FailureReason.Transient, "ambiguous-submit", message);

    private static JobStatus SubmitFailure(ProviderCallException call) => call switch
    {
        { Answer: { Error.RateLimited: true } answer } =>
            new JobStatus { State = JobState.Queued, PollAfter = answer.RetryAfter ?? TimeSpan.FromSeconds(30) },
        { Answer: { } answer } => answer.Error.ToStatus(),
        _ => JobStatus.Failed(null, FailureReason.Transient, "not-sent", call.Message),
    };

    private static bool IsGone(ProviderCallException call) =>
        call.Answer?.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone;
}
