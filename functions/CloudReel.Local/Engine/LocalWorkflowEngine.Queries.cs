using CloudReel.Local.Engine.Journal;

namespace CloudReel.Local.Engine;

/// <summary>Reads of instances and histories; they work while another process writes the journal.</summary>
public sealed partial class LocalWorkflowEngine
{
    public Task<InstanceInfo?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_runtime.Journal.Read(s => s.GetInstance(instanceId))?.Info);
    }

    /// <summary>Instances in creation order, optionally those whose id starts with <paramref name="instanceIdPrefix"/>.</summary>
    public Task<IReadOnlyList<InstanceInfo>> ListInstancesAsync(string? instanceIdPrefix = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<InstanceInfo> instances = _runtime.Journal.Read(s => s.ListInstances(instanceIdPrefix)).Select(r => r.Info).ToList();
        return Task.FromResult(instances);
    }

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<HistoryEvent> history = _runtime.Journal.Read(s => s.LoadHistory(instanceId));
        return Task.FromResult(history);
    }

    /// <summary>
    /// Waits until the instance has ended. Wakes at once for instances this engine runs, and polls every
    /// InboxPollInterval (on the engine's clock) for instances run by another process.
    /// </summary>
    public async Task<InstanceInfo> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        while (true)
        {
            var finished = _runtime.Completions.WhenFinished(instanceId);
            var info = await GetInstanceAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"No film with id '{instanceId}' is in the journal.");
            if (info.IsTerminal) return info;
            using var pollCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(finished, Task.Delay(_runtime.PollInterval, _runtime.Time, pollCancellation.Token));
            await pollCancellation.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
