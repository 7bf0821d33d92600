using CloudReel.Core.Workflow;
using Microsoft.DurableTask;

namespace CloudReel.Local.Engine;

/// <summary>
/// An instance as the journal knows it. Payloads are WorkflowJson; read them with
/// <see cref="ReadOutputAs{T}"/> and <see cref="ReadCustomStatusAs{T}"/>. A terminated instance's output
/// is the termination reason, as in Durable Task.
/// </summary>
public sealed record InstanceInfo(
    string InstanceId,
    string Name,
    InstanceStatus Status,
    string? ParentInstanceId,
    DateTime CreatedUtc,
    DateTime LastUpdatedUtc,
    string? SerializedInput,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    TaskFailureDetails? Failure)
{
    public bool IsTerminal => Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated;

    public T? ReadInputAs<T>() => WorkflowJson.Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => WorkflowJson.Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => WorkflowJson.Deserialize<T>(SerializedCustomStatus);
}
