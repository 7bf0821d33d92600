namespace CloudReel.Core.Models;

/// <summary>A job's state as the service reports it, normalised.</summary>
public sealed record JobStatus
{
    public required JobState State { get; init; }

    /// <summary>The provider's job id; null only when a submit was refused before a job existed.</summary>
    public string? JobId { get; init; }

    /// <summary>0–100 where the service reports it.</summary>
    public int? Progress { get; init; }

    /// <summary>How long the service asks us to wait before polling again.</summary>
    public TimeSpan? PollAfter { get; init; }

    /// <summary>Where the finished clip can be fetched, for services that give a link.</summary>
    public string? ResultUrl { get; init; }

    public JobFailure? Failure { get; init; }

    /// <summary>What the service says the job cost (e.g. units or tokens charged), in the model's currency.</summary>
    public decimal? Cost { get; init; }

    public bool IsTerminal => State is JobState.Succeeded or JobState.Failed;

    public static JobStatus Failed(string? jobId, FailureReason reason, string? providerCode, string message) =>
        new() { State = JobState.Failed, JobId = jobId, Failure = new JobFailure(reason, providerCode, message) };
}

public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// Why a job failed, with the service's own code and message kept. A service may echo what it was sent
/// (an Authorization header, a signed URL): the message is kept with every secret taken out, since it
/// reaches the report, the job ledger, the journal and the API.
/// </summary>
public sealed record JobFailure(FailureReason Reason, string? ProviderCode, string Message)
{
    public string Message { get; init; } = Text.Secrets.Redact(Message);

    /// <summary>Moderation and exhausted quota send a shot to the next model in its chain.</summary>
    public bool MovesToNextModel => Reason is FailureReason.Moderation or FailureReason.Quota;
}

public enum FailureReason
{
    Moderation,
    Quota,
    Invalid,
    Transient,
    Unknown,
}

/// <summary>The answer to "did the service take this job?" after a submit whose answer was lost.</summary>
public sealed record JobLookup(JobLookupResult Result, JobStatus? Job = null, string? Reason = null)
{
    public static JobLookup Found(JobStatus job) => new(JobLookupResult.Found, job);

    /// <summary>The service was searched and holds no such job: sending it now cannot pay twice.</summary>
    public static JobLookup NotFound() => new(JobLookupResult.NotFound);

    public static JobLookup Unsupported(string reason) => new(JobLookupResult.Unsupported, Reason: reason);
}

/// <summary>Whether a lookup found the job, knows it is not there, or cannot tell.</summary>
public enum JobLookupResult
{
    Found,
    NotFound,
    Unsupported,
}
