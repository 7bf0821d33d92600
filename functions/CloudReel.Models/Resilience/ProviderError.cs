using CloudReel.Core.Models;

namespace CloudReel.Models.Resilience;

/// <summary>
/// An error answer from a service, normalised: the reason, the service's own code and message,
/// and whether it is a rate or concurrency limit worth waiting out (as opposed to exhausted quota).
/// </summary>
public sealed record ProviderError(FailureReason Reason, string? Code, string Message, bool RateLimited = false)
{
    /// <summary>The failure a shot's attempt records.</summary>
    public JobStatus ToStatus(string? jobId = null) => JobStatus.Failed(jobId, Reason, Code, Message);
}

/// <summary>How one service words its errors: an HTTP status and body in, a <see cref="ProviderError"/> out.</summary>
public interface IProviderErrors
{
    ProviderError Classify(int status, string body);
}
