using CloudReel.Core.Workflow;

namespace CloudReel.Core.Ports;

/// <summary>
/// The workflow engine as a client sees it: start a film, read its instances, raise events, end it.
/// The local engine implements it for `cloudreel serve`, Durable Task's client for the Functions app;
/// the HTTP API and the inbound events talk only to this.
/// </summary>
public interface IFilmRuntime
{
    /// <summary>
    /// Starts <see cref="Workflow.FilmOrchestration"/> with the request, under the film id as instance id.
    /// Returns false, starting nothing, when an instance with that id exists already: a repeated start is harmless.
    /// </summary>
    Task<bool> StartFilmAsync(FilmRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts <see cref="Workflow.BatchOrchestration"/> with the request (its rows' films staged already), under
    /// the batch id as instance id; false, starting nothing, when an instance with that id exists already.
    /// </summary>
    Task<bool> StartBatchAsync(BatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>One instance (a film, or one of its shots), or null when there is none.</summary>
    Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The instances whose id starts with <paramref name="instanceIdPrefix"/> (e.g. a film's shots).</summary>
    Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(string instanceIdPrefix, CancellationToken cancellationToken = default);

    /// <summary>Delivers an event to an instance's WaitForExternalEvent; events raised early are kept until it waits.</summary>
    Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default);

    /// <summary>Ends an instance and its unfinished sub-orchestrations as terminated.</summary>
    Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default);
}

/// <summary>Where an instance stands (Durable Task's runtime statuses, less the obsolete ones).</summary>
public enum WorkflowStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
    Suspended,
}

/// <summary>An orchestration instance as a client reads it; payloads are <see cref="WorkflowJson"/>.</summary>
public sealed record WorkflowInstance(
    string InstanceId,
    string Name,
    WorkflowStatus Status,
    DateTime CreatedUtc,
    DateTime LastUpdatedUtc,
    string? SerializedInput,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    string? FailureMessage)
{
    public bool IsTerminal => Status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Terminated;

    public T? ReadInputAs<T>() => WorkflowJson.Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => WorkflowJson.Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => WorkflowJson.Deserialize<T>(SerializedCustomStatus);
}
