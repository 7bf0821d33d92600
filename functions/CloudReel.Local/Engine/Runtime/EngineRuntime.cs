using System.Collections.Concurrent;
using CloudReel.Local.Engine.Dispatch;
using CloudReel.Local.Engine.Journal;
using CloudReel.Local.Engine.Leases;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// The parts of one engine and the instances it runs. Methods marked "dispatcher" run only on the
/// thread holding the dispatcher; the others may be called from anywhere.
/// </summary>
internal sealed partial class EngineRuntime : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, OrchestrationRunner> _running = new(StringComparer.Ordinal);
    private int _disposed;

    public EngineRuntime(LocalEngineOptions options, TaskCatalog tasks)
    {
        Tasks = tasks;
        Time = options.Time;
        LoggerFactory = options.LoggerFactory;
        Logger = LoggerFactory.CreateLogger("CloudReel.Local.Engine");
        PollInterval = options.InboxPollInterval;
        Journal = SqliteJournal.Open(options.JournalPath, options.FaultInjection);
        Dispatcher = new OrchestrationDispatcher(() => Journal.IsHalted, Abandon, Logger);
        Leases = new LeaseKeeper(Journal, Time, options.LeaseTimeout, Logger);
        Activities = new ActivityWorker(tasks, options.MaxConcurrentActivities, _stopping.Token);
        Timers = new DurableTimerService(Time, _stopping.Token);
        Inbox = new InboxPoller(this, options.InboxPollInterval, Logger);
    }

    public TaskCatalog Tasks { get; }

    public TimeProvider Time { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ILogger Logger { get; }

    public TimeSpan PollInterval { get; }

    public SqliteJournal Journal { get; }

    public OrchestrationDispatcher Dispatcher { get; }

    public LeaseKeeper Leases { get; }

    public ActivityWorker Activities { get; }

    public DurableTimerService Timers { get; }

    public InboxPoller Inbox { get; }

    public CompletionSignals Completions { get; } = new();

    public string OwnerId => Leases.OwnerId;

    public DateTime UtcNow => UtcTime.Now(Time);

    public IReadOnlyDictionary<string, OrchestrationRunner> RunningRunners() =>
        _running.Where(r => !r.Value.IsFinished).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    /// <summary>Registers as a lease owner and starts the inbox poller: only engines that run instances need them.</summary>
    public void PrepareToRun()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        Leases.EnsureRegistered(_stopping.Token);
        Inbox.EnsureStarted(_stopping.Token);
    }

    /// <summary>Dispatcher: records a new top-level instance, then runs it.</summary>
    public void StartNew(string name, string instanceId, string? inputJson)
    {
        Journal.Write(s => s.InsertInstance(new NewInstance(instanceId, name, inputJson, null, null, OwnerId, UtcNow)));
        var record = Journal.Read(s => s.GetInstance(instanceId))!;
        Dispatcher.Post(() => Run(record));
    }

    /// <summary>Dispatcher: takes the leases of an unfinished instance's tree and replays it.</summary>
    public void Resume(string instanceId)
    {
        if (IsRunningHere(instanceId)) return;
        var record = Journal.Read(s => s.GetInstance(instanceId)) ?? throw UnknownInstance(instanceId);
        if (record.Info.IsTerminal) return;
        if (!Tasks.HasOrchestrator(record.Info.Name))
        {
            throw new InvalidOperationException($"Film '{instanceId}' runs orchestration '{record.Info.Name}', which this engine has not registered.");
        }

        Leases.AcquireTree(instanceId);
        Run(record);
    }

    /// <summary>Dispatcher: starts (or resumes) a child whose scheduling is journaled, or hands its known end to the parent.</summary>
    public void LaunchChild(OrchestrationRunner parent, int taskId, string childId)
    {
        if (parent.IsFinished || IsRunningHere(childId)) return;
        var record = Journal.Read(s => s.GetInstance(childId));
        if (record is null || record.Info.ParentInstanceId != parent.InstanceId || record.ParentTaskId != taskId)
        {
            var clash = new TaskFailureDetails(
                typeof(InvalidOperationException).FullName!,
                $"Instance id '{childId}' is already used by another orchestration instance.",
                null,
                null,
                null);
            Dispatcher.Post(parent, new ChildFinished(taskId, null, clash, UtcNow));
            return;
        }

        if (record.Info.IsTerminal)
        {
            var outcome = new InstanceOutcome(record.Info.Status, record.Info.SerializedOutput, record.Info.Failure);
            Dispatcher.Post(parent, new ChildFinished(taskId, record.Info.SerializedOutput, outcome.FailureForParent(childId), UtcNow));
            return;
        }

        if (record.LeaseOwner != OwnerId) Leases.AcquireTree(childId);
        Run(record);
    }

    /// <summary>Dispatcher: an instance ended; wake waiters, tell a parent running here, end the children of a terminated one.</summary>
    public void OnRunnerFinished(OrchestrationRunner runner, InstanceOutcome outcome, IReadOnlyList<string> pendingChildren)
    {
        _running.TryRemove(new KeyValuePair<string, OrchestrationRunner>(runner.InstanceId, runner));
        Completions.Notify(runner.InstanceId);
        NotifyParent(runner.ParentInstanceId, runner.ParentTaskId, runner.InstanceId, outcome);
        if (outcome.Status != InstanceStatus.Terminated) return;
        foreach (var child in pendingChildren) Dispatcher.Post(() => TerminateInstance(child, $"its parent '{runner.InstanceId}' was terminated"));
    }

    /// <summary>Anywhere: queues an event in the inbox; the engine running the instance picks it up.</summary>
    public void RaiseEvent(string instanceId, string eventName, string? payloadJson)
    {
        var record = Journal.Read(s => s.GetInstance(instanceId)) ?? throw UnknownInstance(instanceId);
        if (record.Info.IsTerminal)
        {
            throw new InvalidOperationException($"Film '{instanceId}' has already ended ({record.Info.Status}); event '{eventName}' was not delivered.");
        }

        Journal.Write(s => s.InsertInbox(instanceId, InboxKinds.Event, eventName, payloadJson, UtcNow), isFaultPoint: false);
        Inbox.Poke();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync();
        await Dispatcher.StopAsync();
        await Inbox.StoppedAsync();
        await Leases.StopAsync();
        Activities.Dispose();
        Journal.Dispose();
        _stopping.Dispose();
    }

    private static InvalidOperationException UnknownInstance(string instanceId) =>
        new($"No film with id '{instanceId}' is in the journal.");

    private bool IsRunningHere(string instanceId) => _running.TryGetValue(instanceId, out var runner) && !runner.IsFinished;

    private void NotifyParent(string? parentId, int? parentTaskId, string childId, InstanceOutcome outcome)
    {
        if (parentId is null || parentTaskId is not { } taskId || !_running.TryGetValue(parentId, out var parent) || parent.IsFinished) return;
        var output = outcome.Status == InstanceStatus.Completed ? outcome.OutputJson : null;
        Dispatcher.Post(parent, new ChildFinished(taskId, output, outcome.FailureForParent(childId), UtcNow));
    }

    private void Run(InstanceRecord record)
    {
        var history = Journal.Read(s => s.LoadHistory(record.InstanceId));
        var runner = new OrchestrationRunner(this, record);
        _running[record.InstanceId] = runner;
        Inbox.Forget(record.InstanceId);
        try
        {
            runner.Begin(history);
        }
        catch (Exception ex) when (ex is not EngineHaltedException)
        {
            Abandon(runner, ex);
            throw;
        }
    }
}
