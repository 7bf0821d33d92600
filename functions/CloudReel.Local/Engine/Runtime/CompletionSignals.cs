using System.Collections.Concurrent;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>Wakes WaitForCompletionAsync callers when an instance this engine runs comes to an end.</summary>
internal sealed class CompletionSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    public Task WhenFinished(string instanceId) =>
        _signals.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string instanceId)
    {
        if (_signals.TryRemove(instanceId, out var signal)) signal.TrySetResult();
    }
}
