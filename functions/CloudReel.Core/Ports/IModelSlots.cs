namespace CloudReel.Core.Ports;

/// <summary>
/// The job slots of a model's service (e.g. two running jobs per Azure OpenAI resource), held from
/// submit until the job ends, across every film in the process. Holders are clip content keys and
/// every call is idempotent, so activities may run twice. Locally CloudReel.Local's ProcessModelSlots;
/// across every instance of the Functions app a blob per slot group under ETag conditions
/// (CloudReel.Azure's BlobModelSlots), held to the same contract tests.
/// </summary>
public interface IModelSlots
{
    /// <summary>Takes one of <paramref name="capacity"/> slots of <paramref name="group"/>; true when held (also when already held).</summary>
    Task<bool> TryAcquireAsync(string group, string holder, int capacity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a slot the holder already had before a restart (its job is running at the service),
    /// even if that puts the group over capacity for a moment: the slot exists whether counted or not.
    /// </summary>
    Task HoldAsync(string group, string holder, CancellationToken cancellationToken = default);

    Task ReleaseAsync(string group, string holder, CancellationToken cancellationToken = default);
}
