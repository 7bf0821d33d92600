using CloudReel.Core.Workflow;
using CloudReel.Local.Engine.Runtime;
using Microsoft.DurableTask;

namespace CloudReel.Local.Engine;

/// <summary>
/// CloudReel's durable engine for one machine: runs the same orchestrators and activities as Azure
/// Durable Functions (Durable Task's <see cref="TaskOrchestrator{TInput, TOutput}"/> and
/// <see cref="TaskActivity{TInput, TOutput}"/>), replayed from a SQLite journal. Opening it runs nothing; <see cref="StartAsync"/> and
/// <see cref="ResumeAsync"/> do. Queries and <see cref="RaiseEventAsync"/> also work while another process
/// runs the instance.
/// </summary>
public sealed partial class LocalWorkflowEngine : IAsyncDisposable
{
    private readonly EngineRuntime _runtime;

    private LocalWorkflowEngine(EngineRuntime runtime) => _runtime = runtime;

    /// <summary>
    /// Opens (creating if missing) the journal. Nothing runs until StartAsync or ResumeAsync. Activities are
    /// created from <paramref name="services"/> (one per execution, in a scope of their own), as the
    /// Durable Task worker creates them.
    /// </summary>
    public static Task<LocalWorkflowEngine> OpenAsync(
        LocalEngineOptions options, DurableTaskRegistry registry, IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new LocalWorkflowEngine(new EngineRuntime(options, new TaskCatalog(registry, services ?? NoServices.Instance))));
    }

    /// <summary>Records a new instance and runs it. Throws if <paramref name="instanceId"/> already exists.</summary>
    public Task StartAsync(string orchestrationName, string instanceId, object? input, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestrationName);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (!_runtime.Tasks.HasOrchestrator(orchestrationName))
        {
            throw new ArgumentException($"No orchestrator named '{orchestrationName}' is registered.", nameof(orchestrationName));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var inputJson = WorkflowJson.Serialize(input);
        _runtime.PrepareToRun();
        return _runtime.Dispatcher.InvokeAsync(() => _runtime.StartNew(orchestrationName, instanceId, inputJson));
    }

    /// <summary>
    /// Replays an unfinished instance (and its unfinished children) from the journal and runs it on.
    /// Does nothing for a finished instance or one this engine already runs; refuses, naming the process,
    /// while another live process holds its lease.
    /// </summary>
    public Task ResumeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        cancellationToken.ThrowIfCancellationRequested();
        _runtime.PrepareToRun();
        return _runtime.Dispatcher.InvokeAsync(() => _runtime.Resume(instanceId));
    }

    /// <summary>Delivers an event to the instance's <c>WaitForExternalEvent</c>, through the journal's inbox.</summary>
    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        cancellationToken.ThrowIfCancellationRequested();
        _runtime.RaiseEvent(instanceId, eventName, WorkflowJson.Serialize(payload));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Ends the instance and its unfinished children as Terminated; results of their pending activities
    /// are ignored. If another process runs it, that process is asked to, through the inbox.
    /// </summary>
    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentNullException.ThrowIfNull(reason);
        cancellationToken.ThrowIfCancellationRequested();
        return _runtime.Dispatcher.InvokeAsync(() => _runtime.TerminateInstance(instanceId, reason));
    }

    /// <summary>Stops running instances (they stay resumable), releases leases and closes the journal.</summary>
    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    /// <summary>Tests: the activity executions dispatched whose outcome has not been handed back yet.</summary>
    internal int ActivitiesInFlight => _runtime.Activities.InFlight;

    /// <summary>Tests: completes once the dispatcher has worked through everything queued before it.</summary>
    internal Task FlushAsync() => _runtime.Dispatcher.InvokeAsync(static () => { });

    /// <summary>Services for engines whose tasks need none (created with their parameterless constructors).</summary>
    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
