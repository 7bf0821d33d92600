using System.Net;
using CloudReel.Models.Configuration;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CloudReel.Models.Resilience;

/// <summary>
/// One model's Polly pipeline: retries with jittered exponential backoff that honour Retry-After,
/// a circuit breaker shared by every call to the model, and a timeout per try. What may be retried
/// depends on the <see cref="CallKind"/>: a submit is only tried again when the service certainly
/// did not take it (a 429 or 503 answer, a connection that never opened).
/// </summary>
public static class ProviderPipeline
{
    public static readonly ResiliencePropertyKey<CallKind> Kind = new("cloudreel.call-kind");

    public static ResiliencePipeline Build(ResilienceOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0) builder.AddRetry(Retry(options));
        return builder.AddCircuitBreaker(Breaker(options)).AddTimeout(Timeout(options)).Build();
    }

    private static RetryStrategyOptions Retry(ResilienceOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromSeconds(options.BaseDelaySeconds),
        MaxDelay = TimeSpan.FromSeconds(options.MaxDelaySeconds),
        ShouldHandle = args => ValueTask.FromResult(
            args.Outcome.Exception is { } e && ShouldRetry(e, args.Context.Properties.GetValue(Kind, CallKind.Query), options)),
        DelayGenerator = args => ValueTask.FromResult(
            args.Outcome.Exception is ProviderStatusException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
    };

    private static CircuitBreakerStrategyOptions Breaker(ResilienceOptions options) => new()
    {
        FailureRatio = options.BreakerFailureRatio,
        MinimumThroughput = Math.Max(2, options.BreakerMinimumThroughput),
        SamplingDuration = TimeSpan.FromSeconds(Math.Max(0.5, options.BreakerSamplingSeconds)),
        BreakDuration = TimeSpan.FromSeconds(Math.Max(0.5, options.BreakerBreakSeconds)),
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsOutage(e)),
    };

    private static TimeoutStrategyOptions Timeout(ResilienceOptions options) => new()
    {
        TimeoutGenerator = args => ValueTask.FromResult(TimeSpan.FromSeconds(args.Context.Properties.GetValue(Kind, CallKind.Query) switch
        {
            CallKind.Submit => options.SubmitTimeoutSeconds,
            CallKind.Download => options.DownloadTimeoutSeconds,
            _ => options.QueryTimeoutSeconds,
        })),
    };

    /// <summary>Whether another try is safe and worth it.</summary>
    public static bool ShouldRetry(Exception error, CallKind kind, ResilienceOptions options) => error switch
    {
        ProviderStatusException { Error.RateLimited: true } answer =>
            answer.RetryAfter is not { } wait || wait <= TimeSpan.FromSeconds(options.MaxRetryAfterSeconds),
        ProviderStatusException { Status: HttpStatusCode.ServiceUnavailable } => true,
        ProviderStatusException { Status: HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError } => kind != CallKind.Submit,
        ProviderStatusException => false,
        HttpRequestException request when NeverSent(request) => true,
        TimeoutRejectedException or HttpRequestException or UnreadableAnswerException => kind != CallKind.Submit,
        IOException => kind != CallKind.Submit,
        _ => false,
    };

    /// <summary>Failures that say the service is down, as opposed to refusing one request.</summary>
    public static bool IsOutage(Exception error) => error switch
    {
        ProviderStatusException answer => answer.Status >= HttpStatusCode.InternalServerError,
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>Errors raised before a single byte of the request could have reached the service.</summary>
    public static bool NeverSent(HttpRequestException error) =>
        error.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    /// <summary>What a failure means for a paid job, once every retry is spent.</summary>
    public static CallFailure Classify(Exception error, CallKind kind) => error switch
    {
        BrokenCircuitException => CallFailure.NotSent,
        HttpRequestException request when NeverSent(request) => CallFailure.NotSent,
        ProviderStatusException { Status: HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout } when kind == CallKind.Submit => CallFailure.Ambiguous,
        ProviderStatusException { Status: >= HttpStatusCode.InternalServerError } when kind != CallKind.Submit => CallFailure.Unavailable,
        ProviderStatusException => CallFailure.Rejected,
        _ => kind == CallKind.Submit ? CallFailure.Ambiguous : CallFailure.Unavailable,
    };
}
