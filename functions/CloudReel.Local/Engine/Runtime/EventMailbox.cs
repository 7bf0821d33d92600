namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// External events of one instance: delivered to waiters by name in FIFO order, buffered while nobody
/// waits. A cancelled wait leaves the queue, so it never swallows a later event.
/// </summary>
internal sealed class EventMailbox
{
    private readonly Dictionary<string, Queue<string?>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<Action<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the next event called <paramref name="name"/>; <paramref name="onDispatcher"/> moves a cancellation onto the dispatcher.</summary>
    public Task<T> WaitAsync<T>(string name, Action<Action> onDispatcher, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<T>(cancellationToken);
        var completion = new TaskCompletionSource<T>();
        if (_buffered.TryGetValue(name, out var buffered) && buffered.Count > 0)
        {
            PayloadCompletion.SetFromJson(completion, buffered.Dequeue());
            return completion.Task;
        }

        if (!_waiters.TryGetValue(name, out var waiters)) _waiters[name] = waiters = new LinkedList<Action<string?>>();
        CancellationTokenRegistration registration = default;
        var node = waiters.AddLast(payload =>
        {
            registration.Dispose();
            PayloadCompletion.SetFromJson(completion, payload);
        });
        if (cancellationToken.CanBeCanceled)
        {
            registration = cancellationToken.Register(() => onDispatcher(() =>
            {
                if (node.List is null) return;
                waiters.Remove(node);
                completion.TrySetCanceled(cancellationToken);
            }));
        }

        return completion.Task;
    }

    public void Deliver(string name, string? payload)
    {
        if (_waiters.TryGetValue(name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value(payload);
            return;
        }

        if (!_buffered.TryGetValue(name, out var buffered)) _buffered[name] = buffered = new Queue<string?>();
        buffered.Enqueue(payload);
    }
}
