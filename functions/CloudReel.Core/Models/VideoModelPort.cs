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

    /// <summary>
    /// Looks for a job sent with <paramref name="idempotencyKey"/> whose answer never arrived (a
    /// timeout after sending, a crash before the job id was recorded), through the service's
    /// external task ids or list endpoints. Services that offer no way to find it say so.
    /// </summary>
    Task<JobLookup> FindJobAsync(string idempotencyKey, ShotRequest request, DateTime sentAfterUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(JobLookup.Unsupported($"{Capabilities.Name} offers no way to look a job up by what was sent"));

    /// <summary>What to set to make this model usable when it is not configured (never a secret value).</summary>
    string? SetupHint => null;
}

/// <summary>The models this process knows, by the names orders use.</summary>
public interface IVideoModelCatalog
{
    IReadOnlyList<IVideoModel> All { get; }

    IVideoModel? Find(string name);
}
