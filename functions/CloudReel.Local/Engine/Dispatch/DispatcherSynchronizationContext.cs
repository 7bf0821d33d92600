namespace CloudReel.Local.Engine.Dispatch;

/// <summary>
/// Sends every orchestrator continuation back to the dispatcher, which drains them between history
/// events: orchestrator code runs only on the thread holding the dispatcher, never beside it.
/// </summary>
internal sealed class DispatcherSynchronizationContext(OrchestrationDispatcher dispatcher) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => dispatcher.PostContinuation(d, state);

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!dispatcher.IsCurrentThread) throw new NotSupportedException("Orchestrator code runs only on the thread that holds its engine's dispatcher.");
        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;
}
