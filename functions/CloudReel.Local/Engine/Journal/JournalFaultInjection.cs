namespace CloudReel.Local.Engine.Journal;

/// <summary>
/// Test hook: counts the engine's journal writes and, right after write number
/// <see cref="CrashAfterWrite"/> commits, halts the engine as if its process had been killed.
/// Heartbeats, lease bookkeeping and inbox inserts by RaiseEventAsync are not counted.
/// </summary>
internal sealed class JournalFaultInjection(int crashAfterWrite = int.MaxValue)
{
    private readonly TaskCompletionSource _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;

    public int CrashAfterWrite { get; } = crashAfterWrite;

    public int WritesCommitted => Volatile.Read(ref _writes);

    /// <summary>Completes when the simulated crash has happened.</summary>
    public Task Crashed => _crashed.Task;

    internal bool CountWriteAndDecideCrash() => Interlocked.Increment(ref _writes) == CrashAfterWrite;

    internal void MarkCrashed() => _crashed.TrySetResult();
}

/// <summary>The engine has stopped dead (a simulated crash): it writes nothing more.</summary>
internal sealed class EngineHaltedException(string message) : Exception(message);

/// <summary>Another engine took over this instance's lease: this engine must stop running it.</summary>
internal sealed class LeaseLostException(string instanceId)
    : Exception($"This engine no longer holds the lease on '{instanceId}'; another process took it over.")
{
    public string InstanceId { get; } = instanceId;
}
