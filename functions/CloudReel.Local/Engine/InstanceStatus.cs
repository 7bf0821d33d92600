namespace CloudReel.Local.Engine;

/// <summary>Where an orchestration instance stands (mirrors Durable Task's runtime status).</summary>
public enum InstanceStatus
{
    /// <summary>Recorded, but its orchestrator has not run yet.</summary>
    Pending,

    Running,
    Completed,
    Failed,

    /// <summary>Ended by <see cref="LocalWorkflowEngine.TerminateAsync"/>; the output holds the reason.</summary>
    Terminated,
}
