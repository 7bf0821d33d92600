using CloudReel.Core.Orders;

namespace CloudReel.Core.Models;

/// <summary>
/// The video model port. A model takes a shot request, returns a job id at once, reports the job's
/// status when asked, and hands over the finished clip. Adapters live outside Core.
/// </summary>
public interface IVideoModel
{
    ModelCapabilities Capabilities { get; }

    /// <summary>Whether the keys and endpoints this model needs are configured.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Starts a job. Returns a status carrying the provider's job id (queued or running), or a
    /// failed status when the service refused the request outright (e.g. moderation at submit).
    /// <paramref name="idempotencyKey"/> is stable for the request (its content key): services that
    /// accept an external task id get it, so an ambiguous submit can be looked up, not sent again.
    /// </summary>
    Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Asks the service how the job is doing.</summary>
    Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>Writes the finished clip of a succeeded job to <paramref name="destination"/>.</summary>
    Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default);
}

/// <summary>The models this process knows, by the names orders use.</summary>
public interface IVideoModelCatalog
{
    IReadOnlyList<IVideoModel> All { get; }

    IVideoModel? Find(string name);
}

/// <summary>What a model is asked to render for one shot.</summary>
public sealed record ShotRequest
{
    /// <summary>The full prompt: shot, camera and style.</summary>
    public required string Prompt { get; init; }

    /// <summary>The shot's own words, without style: what an animatic card shows.</summary>
    public required string ShotText { get; init; }

    public required double Seconds { get; init; }

    public required FrameSize Size { get; init; }

    public long Seed { get; init; }

    public CameraMove Camera { get; init; }

    /// <summary>Reference images, by clip-store name, with their content hashes.</summary>
    public IReadOnlyList<ReferenceImage> References { get; init; } = [];
}

public sealed record ReferenceImage(string StoreName, string Sha256);

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

/// <summary>Why a job failed, with the service's own code and message kept.</summary>
public sealed record JobFailure(FailureReason Reason, string? ProviderCode, string Message)
{
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
