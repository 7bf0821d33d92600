using Microsoft.DurableTask;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>What an activity execution produced: its serialized output, or its failure.</summary>
internal sealed record ActivityOutcome(string? Output, TaskFailureDetails? Failure);

/// <summary>
/// Runs activities on the thread pool, at most <c>maxConcurrency</c> at once. Outcomes go back to the
/// dispatcher to be journaled; an execution cut short by shutdown reports nothing and runs again on resume.
/// </summary>
internal sealed class ActivityWorker(TaskCatalog catalog, int maxConcurrency, CancellationToken stopping) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);
    private int _inFlight;

    /// <summary>Executions dispatched whose outcome has not been handed back yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public void Dispatch(string instanceId, int taskId, string name, string? inputJson, Action<ActivityOutcome> onFinished)
    {
        Interlocked.Increment(ref _inFlight);

        // The pool's shared queue, first come first served: episodes may run on pool threads (see
        // OrchestrationDispatcher.PostFromWorker), whose own queues would start later work first.
        _ = Task.Factory.StartNew(
            async () =>
            {
                try
                {
                    await _slots.WaitAsync(stopping);
                    ActivityOutcome outcome;
                    try
                    {
                        outcome = await ExecuteAsync(instanceId, name, inputJson);
                    }
                    finally
                    {
                        ReleaseSlot();
                    }

                    if (!stopping.IsCancellationRequested) onFinished(outcome);
                }
                catch (Exception) when (stopping.IsCancellationRequested)
                {
                    // Shutting down: the activity runs again when the instance is resumed.
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.PreferFairness | TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default);
    }

    public void Dispose() => _slots.Dispose();

    private void ReleaseSlot()
    {
        try
        {
            _slots.Release();
        }
        catch (ObjectDisposedException)
        {
            // The engine was disposed while this execution ran on; nobody waits for the slot any more.
        }
    }

    private async Task<ActivityOutcome> ExecuteAsync(string instanceId, string name, string? inputJson)
    {
        try
        {
            return new ActivityOutcome(await catalog.RunActivityAsync(name, instanceId, inputJson), null);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            return new ActivityOutcome(null, TaskFailureDetails.FromException(ex));
        }
    }
}
