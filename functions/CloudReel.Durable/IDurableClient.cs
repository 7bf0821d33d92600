namespace CloudReel.Durable;

/// <summary>
/// The members of Durable Task's <c>DurableTaskClient</c> the film runtime needs. The Functions app
/// implements this with one forward per member over the client its triggers are given; the mapping
/// to <see cref="Core.Ports.IFilmRuntime"/> lives in <see cref="DurableFilmRuntime"/>, tested here.
/// </summary>
public interface IDurableClient
{
    /// <summary>ScheduleNewOrchestrationInstanceAsync with this instance id, refusing to replace any instance of that id: throws <see cref="DurableInstanceExistsException"/> when one exists.</summary>
    Task ScheduleNewOrchestrationAsync(string orchestratorName, string instanceId, object? input, CancellationToken cancellationToken);

    /// <summary>GetInstanceAsync with inputs and outputs; null when there is none.</summary>
    Task<DurableInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>GetAllInstancesAsync with an instance-id prefix, inputs and outputs fetched.</summary>
    IAsyncEnumerable<DurableInstance> QueryInstancesAsync(string instanceIdPrefix, CancellationToken cancellationToken);

    Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken);

    /// <summary>TerminateInstanceAsync, recursively (the film's shots too), with the reason as output.</summary>
    Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken);
}

/// <summary>An instance as Durable Task's <c>OrchestrationMetadata</c> describes it; the status is the enum's name.</summary>
public sealed record DurableInstance(
    string InstanceId,
    string Name,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? SerializedInput,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    string? FailureMessage);

/// <summary>What the client shim throws when an instance with the id already exists (Durable's OrchestrationAlreadyExistsException).</summary>
public sealed class DurableInstanceExistsException(string instanceId, Exception? inner = null)
    : Exception($"An orchestration with instance id '{instanceId}' already exists.", inner)
{
    public string InstanceId { get; } = instanceId;
}
