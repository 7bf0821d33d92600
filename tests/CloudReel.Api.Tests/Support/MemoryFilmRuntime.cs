using System.Collections.Concurrent;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Api.Tests.Support;

/// <summary>
/// The film runtime port in memory: records what the API asks of it, and lets a test set instances
/// to any state. (The real engines are tested against the same port in the Local, Durable and CLI tests.)
/// </summary>
internal sealed class MemoryFilmRuntime : IFilmRuntime
{
    private static readonly DateTime Now = new(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);

    public ConcurrentDictionary<string, WorkflowInstance> Instances { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<FilmRequest> Started { get; } = new();

    public ConcurrentQueue<(string InstanceId, string EventName, object? Payload)> Raised { get; } = new();

    public ConcurrentQueue<(string InstanceId, string Reason)> Terminated { get; } = new();

    public Task<bool> StartFilmAsync(FilmRequest request, CancellationToken cancellationToken = default)
    {
        var added = Instances.TryAdd(request.FilmId, new WorkflowInstance(
            request.FilmId, nameof(FilmOrchestration), WorkflowStatus.Pending, Now, Now, WorkflowJson.Serialize(request), null, null, null));
        if (added) Started.Enqueue(request);
        return Task.FromResult(added);
    }

    public ConcurrentQueue<BatchRequest> StartedBatches { get; } = new();

    public Task<bool> StartBatchAsync(BatchRequest request, CancellationToken cancellationToken = default)
    {
        var added = Instances.TryAdd(request.BatchId, new WorkflowInstance(
            request.BatchId, nameof(BatchOrchestration), WorkflowStatus.Pending, Now, Now, WorkflowJson.Serialize(request), null, null, null));
        if (added) StartedBatches.Enqueue(request);
        return Task.FromResult(added);
    }

    public Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Instances.GetValueOrDefault(instanceId));

    public Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(string instanceIdPrefix, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorkflowInstance>>(Instances.Values.Where(i => i.InstanceId.StartsWith(instanceIdPrefix, StringComparison.Ordinal)).ToList());

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default)
    {
        Raised.Enqueue((instanceId, eventName, payload));
        return Task.CompletedTask;
    }

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
    {
        Terminated.Enqueue((instanceId, reason));
        foreach (var id in Instances.Keys.Where(k => k == instanceId || k.StartsWith(instanceId + ".", StringComparison.Ordinal)))
        {
            Instances[id] = Instances[id] with { Status = WorkflowStatus.Terminated, SerializedOutput = WorkflowJson.Serialize(reason) };
        }

        return Task.CompletedTask;
    }

    /// <summary>Puts a film (and optionally its shots) in the given state.</summary>
    public void Set(string filmId, WorkflowStatus status, object? customStatus = null, object? output = null, string? failure = null) =>
        Instances[filmId] = new WorkflowInstance(
            filmId, nameof(FilmOrchestration), status, Now, Now.AddMinutes(1), null,
            output is null ? null : WorkflowJson.Serialize(output), customStatus is null ? null : WorkflowJson.Serialize(customStatus), failure);

    public void SetShot(string filmId, ShotInput input, WorkflowStatus status, ShotProgress? progress = null, ShotOutcome? outcome = null)
    {
        var id = ShotOrchestration.InstanceIdFor(filmId, input.ShotId);
        Instances[id] = new WorkflowInstance(
            id, nameof(ShotOrchestration), status, Now.AddSeconds(Instances.Count), Now.AddMinutes(1), WorkflowJson.Serialize(input),
            outcome is null ? null : WorkflowJson.Serialize(outcome), progress is null ? null : WorkflowJson.Serialize(progress), null);
    }
}
