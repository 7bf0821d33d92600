using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CloudReel.Durable;

/// <summary>
/// <see cref="IFilmRuntime"/> on Durable Task's client, for the Functions app: films are started with
/// the film id as instance id (a second start of the same id starts nothing), read with their inputs,
/// outputs and custom statuses, and terminated with their shots.
/// </summary>
public sealed class DurableFilmRuntime(DurableTaskClient client) : IFilmRuntime
{
    /// <summary>
    /// Asks first, and has the backend refuse an id in any status as well (where it can), so a start racing
    /// another one starts nothing.
    /// </summary>
    public Task<bool> StartFilmAsync(FilmRequest request, CancellationToken cancellationToken = default) =>
        StartOnceAsync(nameof(FilmOrchestration), request.FilmId, request, cancellationToken);

    public Task<bool> StartBatchAsync(BatchRequest request, CancellationToken cancellationToken = default) =>
        StartOnceAsync(nameof(BatchOrchestration), request.BatchId, request, cancellationToken);

    private async Task<bool> StartOnceAsync(string orchestration, string instanceId, object request, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null) return false;
        try
        {
            var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses([.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses]);
            await client.ScheduleNewOrchestrationInstanceAsync(orchestration, request, options, cancellationToken);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    public async Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken) is { } instance ? ToWorkflow(instance) : null;

    public async Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(string instanceIdPrefix, CancellationToken cancellationToken = default)
    {
        var instances = new List<WorkflowInstance>();
        var query = new OrchestrationQuery { InstanceIdPrefix = instanceIdPrefix, FetchInputsAndOutputs = true };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            // Backends match prefixes as they store ids (some ignoring case); the contract is an ordinal prefix.
            if (instance.InstanceId.StartsWith(instanceIdPrefix, StringComparison.Ordinal)) instances.Add(ToWorkflow(instance));
        }

        return instances;
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
        client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    /// <summary>
    /// Terminates the instance recursively, then each of its shots still running by name: not every
    /// backend honours a recursive termination (the in-process test host does not).
    /// </summary>
    public async Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
    {
        await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(reason, Recursive: true), cancellationToken);
        foreach (var shot in await ListInstancesAsync(ShotOrchestration.InstanceIdFor(instanceId, ""), cancellationToken))
        {
            if (!shot.IsTerminal) await client.TerminateInstanceAsync(shot.InstanceId, new TerminateInstanceOptions(reason), cancellationToken);
        }
    }

    /// <summary>Durable's runtime status; the obsolete ContinuedAsNew still runs, the obsolete Canceled has ended.</summary>
    public static WorkflowStatus StatusOf(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => WorkflowStatus.Pending,
        OrchestrationRuntimeStatus.Completed => WorkflowStatus.Completed,
        OrchestrationRuntimeStatus.Failed => WorkflowStatus.Failed,
        OrchestrationRuntimeStatus.Suspended => WorkflowStatus.Suspended,
#pragma warning disable CS0618 // the obsolete statuses still come from older backends
        OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled => WorkflowStatus.Terminated,
        OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.ContinuedAsNew => WorkflowStatus.Running,
#pragma warning restore CS0618
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a Durable Task runtime status."),
    };

    private static WorkflowInstance ToWorkflow(OrchestrationMetadata instance) => new(
        instance.InstanceId,
        instance.Name,
        StatusOf(instance.RuntimeStatus),
        instance.CreatedAt.UtcDateTime,
        instance.LastUpdatedAt.UtcDateTime,
        instance.SerializedInput,
        instance.SerializedOutput,
        instance.SerializedCustomStatus,
        instance.FailureDetails?.ErrorMessage);
}
