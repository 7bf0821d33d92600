namespace CloudReel.Local.Engine;

/// <summary>
/// One entry of an instance's history, in the order it was journaled (<see cref="Sequence"/> counts from 1
/// per instance). <see cref="Kind"/> follows Durable Task's names: ExecutionStarted, OrchestratorStarted,
/// OrchestratorCompleted, TaskScheduled, TaskCompleted, TaskFailed, TimerCreated, TimerFired,
/// SubOrchestrationInstanceCreated, SubOrchestrationInstanceCompleted, SubOrchestrationInstanceFailed,
/// EventRaised, ExecutionCompleted, ExecutionFailed and ExecutionTerminated. <see cref="Payload"/> is JSON
/// (inputs, outputs, event payloads, failure details, timer fire times).
/// </summary>
public sealed record HistoryEvent(long Sequence, string Kind, int? TaskId, string? Name, DateTime TimestampUtc, string? Payload);
