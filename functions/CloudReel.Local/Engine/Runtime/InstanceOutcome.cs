using CloudReel.Core.Workflow;
using Microsoft.DurableTask;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>How an instance ended: its terminal status, output (or termination reason) and failure.</summary>
internal sealed record InstanceOutcome(InstanceStatus Status, string? OutputJson, TaskFailureDetails? Failure)
{
    public static InstanceOutcome Completed(string? outputJson) => new(InstanceStatus.Completed, outputJson, null);

    public static InstanceOutcome Failed(Exception exception) => new(InstanceStatus.Failed, null, FailureOf(exception));

    public static InstanceOutcome Terminated(string reason) => new(InstanceStatus.Terminated, WorkflowJson.Serialize(reason), null);

    /// <summary>What a parent sees when this instance was its sub-orchestration.</summary>
    public TaskFailureDetails? FailureForParent(string instanceId) => Status switch
    {
        InstanceStatus.Completed => null,
        InstanceStatus.Terminated => new TaskFailureDetails(
            "Terminated", $"Instance '{instanceId}' was terminated: {WorkflowJson.Deserialize<string>(OutputJson)}", null, null, null),
        _ => Failure ?? new TaskFailureDetails("Unknown", $"Instance '{instanceId}' failed.", null, null, null),
    };

    public string TerminalHistoryKind => Status switch
    {
        InstanceStatus.Completed => HistoryKinds.ExecutionCompleted,
        InstanceStatus.Terminated => HistoryKinds.ExecutionTerminated,
        _ => HistoryKinds.ExecutionFailed,
    };

    public string? TerminalHistoryPayload => Status == InstanceStatus.Failed ? WorkflowJson.Serialize(Failure) : OutputJson;

    /// <summary>An activity failure that escaped the orchestrator keeps the activity's details as the inner failure.</summary>
    private static TaskFailureDetails FailureOf(Exception exception) => exception is TaskFailedException taskFailed
        ? new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            taskFailed.FailureDetails,
            null)
        : TaskFailureDetails.FromException(exception);
}
