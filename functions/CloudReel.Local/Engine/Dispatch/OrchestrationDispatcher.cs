using System.Collections.Concurrent;
using CloudReel.Local.Engine.Journal;
using CloudReel.Local.Engine.Runtime;
using Microsoft.Extensions.Logging;

namespace CloudReel.Local.Engine.Dispatch;

/// <summary>
/// Runs orchestrator code and applies history for every instance of an engine, one thread at a time.
/// Work arrives in a queue; whoever holds the dispatcher's role drains it: its own thread, woken for
/// work, or a worker thread bringing an outcome while the role is free (<see cref="PostFromWorker"/>),
/// which saves the hop to another thread. Outcomes for the same instance that are queued together
/// become one episode (one journal transaction). Continuations the orchestrators post are drained after
/// each step, so the order in which code observes events is the order they were journaled, live and on
/// replay alike.
/// </summary>
internal sealed class OrchestrationDispatcher
{
    private readonly ConcurrentQueue<DispatcherItem> _items = new();
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _continuations = new();
    private readonly Lock _role = new();
    private readonly object _wake = new();
    private readonly ExecutionContext? _context = ExecutionContext.Capture();
    private readonly DispatcherSynchronizationContext _synchronizationContext;
    private readonly Func<bool> _isHalted;
    private readonly Action<OrchestrationRunner, Exception> _onRunnerFault;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _wakeRequested;
    private volatile bool _closed;
    private volatile bool _finished;

    /// <summary>Starts the thread. <paramref name="isHalted"/> turns true when the journal halted (the work then stops dead);
    /// <paramref name="onRunnerFault"/> hears of runner episodes that threw (lease lost, journal error).</summary>
    public OrchestrationDispatcher(Func<bool> isHalted, Action<OrchestrationRunner, Exception> onRunnerFault, ILogger logger)
    {
        _isHalted = isHalted;
        _onRunnerFault = onRunnerFault;
        _logger = logger;
        _synchronizationContext = new DispatcherSynchronizationContext(this);
        new Thread(Run) { IsBackground = true, Name = "CloudReel orchestration dispatcher" }.Start();
    }

    /// <summary>True on the thread that holds the dispatcher's role (the only one running orchestrator code).</summary>
    public bool IsCurrentThread => _role.IsHeldByCurrentThread;

    public void Post(Action action) => Enqueue(new ActionItem(action));

    public void Post(OrchestrationRunner runner, RunnerMessage message) => Enqueue(new RunnerMessageItem(runner, message));

    /// <summary>
    /// Queues an outcome from a worker thread that holds no lock and may run engine work: when the role
    /// is free this thread takes it and drains the queue, so the episode starts without waking another thread.
    /// </summary>
    public void PostFromWorker(OrchestrationRunner runner, RunnerMessage message)
    {
        if (!TryAdd(new RunnerMessageItem(runner, message)) || IsCurrentThread) return;
        if (!_role.TryEnter())
        {
            Wake();
            return;
        }

        try
        {
            if (_context is null) DrainHoldingRole();
            else ExecutionContext.Run(_context, static state => ((OrchestrationDispatcher)state!).DrainHoldingRole(), this);
        }
        finally
        {
            _role.Exit();
        }

        // An item queued between the last look and the release is picked up by the dispatcher's own thread.
        if (!_items.IsEmpty || _closed) Wake();
    }

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

    /// <summary>Stops taking work (work already queued still runs, unless the journal halted). Completes when the thread has exited.</summary>
    public Task StopAsync()
    {
        _closed = true;
        Wake();
        return _stopped.Task;
    }

    /// <summary>Queues the item; the dispatcher's thread is woken unless this thread holds the role (its drain picks the item up).</summary>
    private void Enqueue(DispatcherItem item)
    {
        if (TryAdd(item) && !IsCurrentThread) Wake();
    }

    private bool TryAdd(DispatcherItem item)
    {
        if (_closed)
        {
            item.Abandon(StoppedException());
            return false;
        }

        _items.Enqueue(item);
        if (_finished) AbandonLeftovers();
        return true;
    }

    private void AbandonLeftovers()
    {
        while (_items.TryDequeue(out var leftover)) leftover.Abandon(StoppedException());
    }

    private void Wake()
    {
        lock (_wake)
        {
            if (_wakeRequested) return;
            _wakeRequested = true;
            Monitor.Pulse(_wake);
        }
    }

    private void WaitForWake()
    {
        lock (_wake)
        {
            while (!_wakeRequested) Monitor.Wait(_wake);
            _wakeRequested = false;
        }
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                WaitForWake();
                lock (_role)
                {
                    DrainHoldingRole();
                    if (_isHalted() || (_closed && _items.IsEmpty)) break;
                }
            }
        }
        finally
        {
            // Finished before the leftovers go: an item queued after this look is abandoned by its poster,
            // and a worker that takes the role later runs nothing.
            lock (_role)
            {
                _closed = true;
                _finished = true;
                AbandonLeftovers();
            }

            _stopped.TrySetResult();
        }
    }

    /// <summary>Processes what is queued, in batches, until the queue is empty or the journal halted.</summary>
    private void DrainHoldingRole()
    {
        if (_finished)
        {
            AbandonLeftovers();
            return;
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        try
        {
            var batch = new List<DispatcherItem>();
            while (!_isHalted())
            {
                while (_items.TryDequeue(out var next)) batch.Add(next);
                if (batch.Count == 0) return;
                Process(batch);
                batch.Clear();
            }

            _closed = true;
            Wake();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
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
