using CloudReel.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CloudReel.Durable;

/// <summary>
/// The workflow port on Durable Task: the film and shot orchestrations run unchanged in Azure
/// Functions through this adapter. Calls, options and failures are translated both ways.
/// </summary>
public sealed class DurableWorkflowContext(IDurableTaskContext inner) : WorkflowContext
{
    public override string Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    protected override ILoggerFactory LoggerFactory => inner.ReplaySafeLoggerFactory;

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        try
        {
            return await inner.CallActivityAsync<TResult>(name, input, DurableMapping.ToDurable(options));
        }
        catch (DurableTaskFailedException failure)
        {
            throw DurableMapping.ToWorkflow(failure);
        }
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        try
        {
            return await inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, DurableMapping.ToDurable(options));
        }
        catch (DurableTaskFailedException failure)
        {
            throw DurableMapping.ToWorkflow(failure);
        }
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Guid NewGuid() => inner.NewGuid();
}
