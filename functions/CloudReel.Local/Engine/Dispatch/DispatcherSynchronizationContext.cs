namespace CloudReel.Local.Engine.Dispatch;

/// <summary>
/// Sends every orchestrator continuation back to the dispatcher thread, which drains them between
/// history events: orchestrator code never runs on the thread pool.
/// </summary>
internal sealed class DispatcherSynchronizationContext(OrchestrationDispatcher dispatcher) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => dispatcher.PostContinuation(d, state);

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!dispatcher.IsCurrentThread) throw new NotSupportedException("Orchestrator code runs only on its engine's dispatcher thread.");
        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;
}
