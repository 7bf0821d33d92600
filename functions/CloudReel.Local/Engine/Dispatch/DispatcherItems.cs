using CloudReel.Local.Engine.Runtime;

namespace CloudReel.Local.Engine.Dispatch;

/// <summary>One unit of work queued to the dispatcher.</summary>
internal abstract class DispatcherItem
{
    public abstract void Run();

    /// <summary>The dispatcher stopped before running this item.</summary>
    public virtual void Abandon(Exception reason)
    {
    }
}

/// <summary>Work whose caller does not wait (its failures are the work's own business).</summary>
internal sealed class ActionItem(Action action) : DispatcherItem
{
    public override void Run() => action();
}

/// <summary>Work a caller awaits; the caller resumes on the thread pool, never on the dispatcher.</summary>
internal sealed class InvokeItem(Action action) : DispatcherItem
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _completion.Task;

    public override void Run()
    {
        try
        {
            action();
            _completion.TrySetResult();
        }
        catch (Exception ex)
        {
            _completion.TrySetException(ex);
        }
    }

    public override void Abandon(Exception reason) => _completion.TrySetException(reason);
}

/// <summary>An outcome (activity result, timer, child result, inbox row) for one running instance.</summary>
internal sealed class RunnerMessageItem(OrchestrationRunner runner, RunnerMessage message) : DispatcherItem
{
    public OrchestrationRunner Runner { get; } = runner;

    public RunnerMessage Message { get; } = message;

    public override void Run() => Runner.HandleMessages([Message]);
}
