using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Durable;

/// <summary>
/// <see cref="IFilmRuntime"/> on Durable Task's client, for the Functions app: films are started with
/// the film id as instance id (a second start of the same id starts nothing), read with their inputs,
/// outputs and custom statuses, and terminated recursively.
/// </summary>
public sealed class DurableFilmRuntime(IDurableClient client) : IFilmRuntime
{
    public async Task<bool> StartFilmAsync(FilmRequest request, CancellationToken cancellationToken = default)
    {
        if (await client.GetInstanceAsync(request.FilmId, cancellationToken) is not null) return false;
        try
        {
            await client.ScheduleNewOrchestrationAsync(OrchestrationNames.Film, request.FilmId, request, cancellationToken);
            return true;
        }
        catch (DurableInstanceExistsException)
        {
            return false;
        }
    }

    public async Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await client.GetInstanceAsync(instanceId, cancellationToken) is { } instance ? ToWorkflow(instance) : null;

    public async Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(string instanceIdPrefix, CancellationToken cancellationToken = default)
    {
        var instances = new List<WorkflowInstance>();
        await foreach (var instance in client.QueryInstancesAsync(instanceIdPrefix, cancellationToken))
        {
            // Backends match prefixes as they store ids; the contract is an ordinal prefix.
            if (instance.InstanceId.StartsWith(instanceIdPrefix, StringComparison.Ordinal)) instances.Add(ToWorkflow(instance));
        }

        return instances;
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
        client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        client.TerminateAsync(instanceId, reason, cancellationToken);

    /// <summary>Durable's runtime status by name; the obsolete ContinuedAsNew still runs, the obsolete Canceled has ended.</summary>
    public static WorkflowStatus StatusOf(string runtimeStatus) => runtimeStatus switch
    {
        "Pending" => WorkflowStatus.Pending,
        "Running" or "ContinuedAsNew" => WorkflowStatus.Running,
        "Completed" => WorkflowStatus.Completed,
        "Failed" => WorkflowStatus.Failed,
        "Terminated" or "Canceled" => WorkflowStatus.Terminated,
        "Suspended" => WorkflowStatus.Suspended,
        _ => throw new ArgumentException($"'{runtimeStatus}' is not a Durable Task runtime status.", nameof(runtimeStatus)),
    };

    private static WorkflowInstance ToWorkflow(DurableInstance instance) => new(
        instance.InstanceId,
        instance.Name,
        StatusOf(instance.RuntimeStatus),
        instance.CreatedAt.UtcDateTime,
        instance.LastUpdatedAt.UtcDateTime,
        instance.SerializedInput,
        instance.SerializedOutput,
        instance.SerializedCustomStatus,
        instance.FailureMessage);
}
