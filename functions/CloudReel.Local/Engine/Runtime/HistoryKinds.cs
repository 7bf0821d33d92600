namespace CloudReel.Local.Engine.Runtime;

/// <summary>The <see cref="HistoryEvent.Kind"/> values (Durable Task's names).</summary>
internal static class HistoryKinds
{
    public const string ExecutionStarted = nameof(ExecutionStarted);
    public const string OrchestratorStarted = nameof(OrchestratorStarted);
    public const string OrchestratorCompleted = nameof(OrchestratorCompleted);
    public const string TaskScheduled = nameof(TaskScheduled);
    public const string TaskCompleted = nameof(TaskCompleted);
    public const string TaskFailed = nameof(TaskFailed);
    public const string TimerCreated = nameof(TimerCreated);
    public const string TimerFired = nameof(TimerFired);
    public const string SubOrchestrationInstanceCreated = nameof(SubOrchestrationInstanceCreated);
    public const string SubOrchestrationInstanceCompleted = nameof(SubOrchestrationInstanceCompleted);
    public const string SubOrchestrationInstanceFailed = nameof(SubOrchestrationInstanceFailed);
    public const string EventRaised = nameof(EventRaised);
    public const string ExecutionCompleted = nameof(ExecutionCompleted);
    public const string ExecutionFailed = nameof(ExecutionFailed);
    public const string ExecutionTerminated = nameof(ExecutionTerminated);
}
