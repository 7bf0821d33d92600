using System.Collections.Concurrent;
using CloudReel.Local.Engine.Journal;
using CloudReel.Local.Engine.Runtime;
using Microsoft.Extensions.Logging;

namespace CloudReel.Local.Engine.Dispatch;

/// <summary>
/// The one thread that runs orchestrator code and applies history, for every instance of an engine.
/// Work arrives in a queue; outcomes for the same instance that are queued together become one episode
/// (one journal transaction). Continuations the orchestrators post are drained after each step, so the
/// order in which code observes events is the order they were journaled, live and on replay alike.
/// </summary>
internal sealed class OrchestrationDispatcher
{
    private readonly BlockingCollection<DispatcherItem> _items = [];
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _continuations = new();
    private readonly Func<bool> _isHalted;
    private readonly Action<OrchestrationRunner, Exception> _onRunnerFault;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts the thread. <paramref name="isHalted"/> turns true when the journal halted (the thread then stops dead);
    /// <paramref name="onRunnerFault"/> hears of runner episodes that threw (lease lost, journal error).</summary>
    public OrchestrationDispatcher(Func<bool> isHalted, Action<OrchestrationRunner, Exception> onRunnerFault, ILogger logger)
    {
        _isHalted = isHalted;
        _onRunnerFault = onRunnerFault;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "CloudReel orchestration dispatcher" };
        _thread.Start();
    }

    public bool IsCurrentThread => Thread.CurrentThread == _thread;

    public void Post(Action action) => Enqueue(new ActionItem(action));

    public void Post(OrchestrationRunner runner, RunnerMessage message) => Enqueue(new RunnerMessageItem(runner, message));

    public Task InvokeAsync(Action action)
    {
        var item = new InvokeItem(action);
        Enqueue(item);
        return item.Completion;
    }

    /// <summary>Runs <paramref name="action"/> now if on the dispatcher, else queues it.</summary>
    public void RunOrPost(Action action)
    {
        if (IsCurrentThread) action();
        else Post(action);
    }

    public void PostContinuation(SendOrPostCallback callback, object? state)
    {
        _continuations.Enqueue((callback, state));
        if (!IsCurrentThread) Post(static () => { });
    }

    /// <summary>Runs every continuation the orchestrators have posted, until none is left.</summary>
    public void DrainContinuations()
    {
        while (_continuations.TryDequeue(out var continuation)) continuation.Callback(continuation.State);
    }

    /// <summary>Stops taking work; items still queued are abandoned. Completes when the thread has exited.</summary>
    public Task StopAsync()
    {
        _items.CompleteAdding();
        return _stopped.Task;
    }

    private void Enqueue(DispatcherItem item)
    {
        try
        {
            _items.Add(item);
        }
        catch (InvalidOperationException)
        {
            item.Abandon(StoppedException());
        }
    }

    private void Run()
    {
        SynchronizationContext.SetSynchronizationContext(new DispatcherSynchronizationContext(this));
        try
        {
            foreach (var first in _items.GetConsumingEnumerable())
            {
                var batch = new List<DispatcherItem> { first };
                while (_items.TryTake(out var next)) batch.Add(next);
                Process(batch);
                if (_isHalted()) break;
            }
        }
        finally
        {
            _items.CompleteAdding();
            while (_items.TryTake(out var leftover)) leftover.Abandon(StoppedException());
            _stopped.TrySetResult();
        }
    }

    private void Process(List<DispatcherItem> batch)
    {
        var messages = new List<RunnerMessageItem>();
        foreach (var item in batch)
        {
            if (_isHalted()) return;
            if (item is RunnerMessageItem message)
            {
                messages.Add(message);
                continue;
            }

            Flush(messages);
            Guard(item.Run);
        }

        Flush(messages);
    }

    private void Flush(List<RunnerMessageItem> messages)
    {
        foreach (var group in messages.GroupBy(m => m.Runner))
        {
            if (_isHalted()) return;
            var runner = group.Key;
            try
            {
                runner.HandleMessages(group.Select(m => m.Message).ToList());
                DrainContinuations();
            }
            catch (EngineHaltedException)
            {
                return;
            }
            catch (Exception ex)
            {
                _onRunnerFault(runner, ex);
            }
        }

        messages.Clear();
    }

    private void Guard(Action work)
    {
        try
        {
            work();
            DrainContinuations();
        }
        catch (EngineHaltedException)
        {
            // A simulated crash: the loop notices the halted journal and stops.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Orchestration dispatcher work failed");
        }
    }

    private Exception StoppedException() => _isHalted()
        ? new EngineHaltedException("The engine halted before this work ran.")
        : new ObjectDisposedException(nameof(LocalWorkflowEngine), "The engine has been disposed.");
}
