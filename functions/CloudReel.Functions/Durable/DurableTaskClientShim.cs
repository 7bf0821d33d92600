using System.Runtime.CompilerServices;
using CloudReel.Durable;
using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CloudReel.Functions.Durable;

/// <summary>
/// Durable Task's <see cref="DurableTaskClient"/> (as a [DurableClient] binding gives it) as
/// <see cref="IDurableClient"/>: one forward per member. The film runtime over it is
/// <see cref="DurableFilmRuntime"/>, tested in CloudReel.Durable.Tests.
/// </summary>
public sealed class DurableTaskClientShim(DurableTaskClient client) : IDurableClient
{
    public async Task ScheduleNewOrchestrationAsync(string orchestratorName, string instanceId, object? input, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException exists)
        {
            throw new DurableInstanceExistsException(instanceId, exists);
        }
        catch (RpcException exists) when (exists.StatusCode == StatusCode.AlreadyExists)
        {
            throw new DurableInstanceExistsException(instanceId, exists);
        }
    }

    public async Task<DurableInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken) is { } metadata ? ToDurable(metadata) : null;

    public async IAsyncEnumerable<DurableInstance> QueryInstancesAsync(string instanceIdPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = instanceIdPrefix, FetchInputsAndOutputs = true };
        await foreach (var metadata in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            yield return ToDurable(metadata);
        }
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken) =>
        client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(Output: reason, Recursive: true), cancellationToken);

    private static DurableInstance ToDurable(OrchestrationMetadata metadata) => new(
        metadata.InstanceId,
        metadata.Name,
        metadata.RuntimeStatus.ToString(),
        metadata.CreatedAt,
        metadata.LastUpdatedAt,
        metadata.SerializedInput,
        metadata.SerializedOutput,
        metadata.SerializedCustomStatus,
        metadata.FailureDetails?.ErrorMessage);
}
