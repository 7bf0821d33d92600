using System.Net;

namespace CloudReel.Models.Resilience;

/// <summary>The service answered with an error status; <see cref="Error"/> says what it means.</summary>
public sealed class ProviderStatusException(HttpStatusCode status, ProviderError error, TimeSpan? retryAfter)
    : Exception($"{(int)status} {status}: {error.Message}")
{
    public HttpStatusCode Status { get; } = status;

    public ProviderError Error { get; } = error;

    /// <summary>How long the service asked us to wait (Retry-After, retry-after-ms), if it did.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The service answered "OK" with a body that could not be read (malformed JSON, missing ids).</summary>
public sealed class UnreadableAnswerException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>How a call ended when it did not succeed, as far as a paid job is concerned.</summary>
public enum CallFailure
{
    /// <summary>The service refused with an error answer: no job was made.</summary>
    Rejected,

    /// <summary>The request certainly never reached the service (no connection, circuit open).</summary>
    NotSent,

    /// <summary>The request was sent and no usable answer came back: a job may exist.</summary>
    Ambiguous,

    /// <summary>A read failed after its retries (outage, timeouts, unreadable answers).</summary>
    Unavailable,
}

/// <summary>A call that failed after the resilience pipeline gave up, classified by <see cref="CallFailure"/>.</summary>
public sealed class ProviderCallException(CallFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public CallFailure Failure { get; } = failure;

    /// <summary>The error answer, when the service gave one.</summary>
    public ProviderStatusException? Answer => InnerException as ProviderStatusException;
}
