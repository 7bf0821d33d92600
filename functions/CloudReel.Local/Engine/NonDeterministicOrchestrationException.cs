namespace CloudReel.Local.Engine;

/// <summary>
/// Replaying an orchestration produced different actions than its history recorded. The instance fails
/// with this error rather than carrying on with a history that no longer matches its code.
/// </summary>
public sealed class NonDeterministicOrchestrationException(
    string orchestrationName,
    string instanceId,
    int taskPosition,
    string recorded,
    string actual)
    : Exception(
        $"Orchestration '{orchestrationName}' (instance '{instanceId}') is not deterministic: at task #{taskPosition} " +
        $"the history recorded {recorded}, but the code now {actual}. Likely cause: the orchestrator code changed " +
        "while this film was in flight, or it depends on the wall clock (DateTime.UtcNow), random numbers, " +
        "Guid.NewGuid or I/O. Use TaskOrchestrationContext.CurrentUtcDateTime, NewGuid and activities instead, and finish " +
        "films in flight with the code that started them.")
{
    public string OrchestrationName { get; } = orchestrationName;

    public string InstanceId { get; } = instanceId;

    /// <summary>The task id (0-based position among the actions the orchestrator scheduled).</summary>
    public int TaskPosition { get; } = taskPosition;

    /// <summary>What the history recorded at <see cref="TaskPosition"/>.</summary>
    public string Recorded { get; } = recorded;

    /// <summary>What the code did at <see cref="TaskPosition"/> on replay.</summary>
    public string Actual { get; } = actual;
}
