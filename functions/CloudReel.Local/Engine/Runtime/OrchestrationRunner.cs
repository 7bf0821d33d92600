using CloudReel.Core.Workflow;
using CloudReel.Local.Engine.Journal;
using Microsoft.DurableTask;
using static CloudReel.Local.Engine.Runtime.HistoryKinds;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// One instance in memory, driven only by the dispatcher (one thread at a time). Replays the journal event by event,
/// then runs live in episodes: apply the new events one at a time, journal them with the actions the
/// code took, then dispatch those. Applying the same events in the same order is what makes live
/// runs and replays agree.
/// </summary>
internal sealed partial class OrchestrationRunner
{
    private readonly EngineRuntime _runtime;
    private readonly ReplayOrchestrationContext _context;
    private readonly HashSet<long> _consumedInboxRows = [];
    private Task<object?>? _orchestration;
    private NonDeterministicOrchestrationException? _nonDeterminism;
    private string? _customStatus;
    private bool _customStatusDirty;

    public OrchestrationRunner(EngineRuntime runtime, InstanceRecord record)
    {
        _runtime = runtime;
        InstanceId = record.InstanceId;
        Name = record.Info.Name;
        ParentInstanceId = record.Info.ParentInstanceId;
        ParentTaskId = record.ParentTaskId;
        if (ParentInstanceId is not null && runtime.Journal.Read(s => s.GetInstance(ParentInstanceId)) is { } parent)
        {
            Parent = new ParentOrchestrationInstance(new TaskName(parent.Info.Name), ParentInstanceId);
        }

        InputJson = record.Info.SerializedInput;
        _customStatus = record.Info.SerializedCustomStatus;
        Tasks = new ScheduledTasks(Name, InstanceId);
        _context = new ReplayOrchestrationContext(this, runtime.LoggerFactory);
    }

    public string InstanceId { get; }

    public string Name { get; }

    public string? ParentInstanceId { get; }

    public int? ParentTaskId { get; }

    public ParentOrchestrationInstance? Parent { get; }

    public string? InputJson { get; }

    public DateTime CurrentUtc { get; private set; }

    public bool IsReplaying { get; private set; }

    public bool IsFinished { get; private set; }

    public ScheduledTasks Tasks { get; }

    public EventMailbox Mailbox { get; } = new();

    /// <summary>Starts a new instance (empty history) or replays a journaled one and carries on from there.</summary>
    public void Begin(IReadOnlyList<HistoryEvent> history)
    {
        if (history.Count == 0)
        {
            RunEpisode([NewEvent(ExecutionStarted, null, Name, InputJson)], []);
            return;
        }

        Tasks.LoadRecorded(history);
        var lastCompletedEpisode = LastIndexOf(history, OrchestratorCompleted);
        for (var i = 0; i < history.Count && _nonDeterminism is null; i++)
        {
            // Events after the last completed episode were journaled but never acted on: they are new.
            IsReplaying = i <= lastCompletedEpisode;
            Apply(history[i]);
        }

        IsReplaying = false;
        if (_nonDeterminism is not null || lastCompletedEpisode < history.Count - 1)
        {
            EndEpisode();
            return;
        }

        _customStatusDirty = false;
        StartRecordedWork();
    }

    /// <summary>Journals what happened outside (as one episode) and lets the orchestrator see it.</summary>
    public void HandleMessages(IReadOnlyList<RunnerMessage> messages)
    {
        if (IsFinished) return;
        var events = new List<HistoryEvent>();
        var inboxRows = new List<long>();
        string? terminateReason = null;
        foreach (var message in messages)
        {
            switch (message)
            {
                case ActivityFinished done when Tasks.TryTakeOutcome(done.TaskId, TaskKind.Activity):
                    events.Add(Outcome(done.TaskId, done.Failure, TaskCompleted, TaskFailed, done.Output, done.AtUtc));
                    break;
                case TimerElapsed elapsed when Tasks.TryTakeOutcome(elapsed.TaskId, TaskKind.Timer):
                    events.Add(NewEvent(TimerFired, elapsed.TaskId, null, Tasks.Find(elapsed.TaskId)?.Payload, elapsed.AtUtc));
                    break;
                case ChildFinished child when Tasks.TryTakeOutcome(child.TaskId, TaskKind.SubOrchestration):
                    events.Add(Outcome(child.TaskId, child.Failure, SubOrchestrationInstanceCompleted, SubOrchestrationInstanceFailed, child.Output, child.AtUtc));
                    break;
                case InboxDelivery delivery when _consumedInboxRows.Add(delivery.RowId):
                    inboxRows.Add(delivery.RowId);
                    if (delivery.Kind == InboxKinds.Terminate) terminateReason ??= WorkflowJson.Deserialize<string>(delivery.Payload) ?? "terminated";
                    else events.Add(NewEvent(EventRaised, null, delivery.Name, delivery.Payload));
                    break;
            }
        }

        if (terminateReason is not null) Terminate(terminateReason, inboxRows);
        else if (events.Count > 0) RunEpisode(events, inboxRows);
    }

    public void Terminate(string reason, IReadOnlyList<long> inboxRows)
    {
        if (IsFinished) return;
        var outcome = InstanceOutcome.Terminated(reason);
        var now = Now();
        _runtime.Journal.Write(s =>
        {
            s.RequireLease(InstanceId, _runtime.OwnerId);
            s.AppendHistory(InstanceId, NewEvent(ExecutionTerminated, null, null, outcome.OutputJson, now));
            foreach (var row in inboxRows) s.DeleteInboxRow(row);
            s.FinishInstance(InstanceId, outcome.Status, outcome.OutputJson, null, now);
        });
        Finish(outcome);
    }

    /// <summary>Stops running this instance without ending it (lease lost, journal error); it can be resumed.</summary>
    public void Abandon()
    {
        IsFinished = true;
        Tasks.ReleaseAll();
    }

    /// <summary>Called by the context for every action the code takes; remembers a non-determinism for the episode's end.</summary>
    public void Schedule(PendingTask task)
    {
        try
        {
            Tasks.Add(task, IsReplaying);
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            _nonDeterminism ??= ex;
            throw;
        }
    }

    public void SetCustomStatus(string? customStatusJson)
    {
        _customStatus = customStatusJson;
        _customStatusDirty = true;
    }

    public void OnDispatcher(Action action) => _runtime.Dispatcher.RunOrPost(action);

    private static int LastIndexOf(IReadOnlyList<HistoryEvent> history, string kind)
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].Kind == kind) return i;
        }

        return -1;
    }

    private HistoryEvent Outcome(int taskId, TaskFailureDetails? failure, string completedKind, string failedKind, string? output, DateTime atUtc) =>
        failure is null
            ? NewEvent(completedKind, taskId, Tasks.Find(taskId)?.Name, output, atUtc)
            : NewEvent(failedKind, taskId, Tasks.Find(taskId)?.Name, WorkflowJson.Serialize(failure), atUtc);

    private HistoryEvent NewEvent(string kind, int? taskId, string? name, string? payload, DateTime? timestampUtc = null) =>
        new(0, kind, taskId, name, timestampUtc ?? Now(), payload);

    /// <summary>The clock, never running backwards within an instance (orchestration time must not).</summary>
    private DateTime Now()
    {
        var now = UtcTime.Now(_runtime.Time);
        return now < CurrentUtc ? CurrentUtc : now;
    }
}
