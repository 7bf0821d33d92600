using System.ComponentModel.DataAnnotations;

namespace CloudReel.Models.Configuration;

/// <summary>
/// How hard to try a service before giving up, per model (section <c>Models:&lt;Service&gt;:Resilience</c>).
/// Defaults suit the real services; tests shorten them.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>Retries of a call that may be repeated. The default is 3.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First wait between retries, doubled each time with jitter. The default is 1 s.</summary>
    [Range(0, 600)]
    public double BaseDelaySeconds { get; set; } = 1;

    [Range(0, 3600)]
    public double MaxDelaySeconds { get; set; } = 20;

    /// <summary>
    /// The longest Retry-After waited out inside one call; a longer one ends the call and the
    /// workflow waits on a durable timer instead. The default is 30 s.
    /// </summary>
    [Range(0, 3600)]
    public double MaxRetryAfterSeconds { get; set; } = 30;

    [Range(0.1, 3600)]
    public double SubmitTimeoutSeconds { get; set; } = 60;

    [Range(0.1, 3600)]
    public double QueryTimeoutSeconds { get; set; } = 30;

    /// <summary>Time allowed for one download of a finished clip. The default is 10 minutes.</summary>
    [Range(0.1, 24 * 3600)]
    public double DownloadTimeoutSeconds { get; set; } = 600;

    /// <summary>Calls in the sampling window before the circuit may open. The default is 6.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 6;

    /// <summary>Share of failed calls (outages, timeouts) that opens the circuit. The default is 0.5.</summary>
    [Range(0.01, 1)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(0.5, 24 * 3600)]
    public double BreakerSamplingSeconds { get; set; } = 60;

    /// <summary>How long an open circuit refuses calls before trying one again. The default is 30 s.</summary>
    [Range(0.5, 24 * 3600)]
    public double BreakerBreakSeconds { get; set; } = 30;

    /// <summary>How long to let a service settle before looking up a job whose submit answer was lost. The default is 2 s.</summary>
    [Range(0, 600)]
    public double LookupDelaySeconds { get; set; } = 2;
}
