using CloudReel.Core.Workflow;
using CloudReel.Local.Engine.Journal;
using Microsoft.DurableTask;
using static CloudReel.Local.Engine.Runtime.HistoryKinds;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// The episode cycle: apply the new events, then journal them with the actions they caused in one
/// transaction, then start those actions. Nothing outside is acted on before the commit (orchestrator
/// code has no side effects of its own), so a crash before it loses only in-memory work: the outcomes
/// come back when their activities run again on resume, as with any unjournaled outcome.
/// </summary>
internal sealed partial class OrchestrationRunner
{
    private void RunEpisode(List<HistoryEvent> events, List<long> inboxRows)
    {
        var arrived = new ArrivedEvents([NewEvent(OrchestratorStarted, null, null, null), .. events], inboxRows);
        foreach (var e in arrived.Events)
        {
            if (_nonDeterminism is not null) break;
            Apply(e);
        }

        EndEpisode(arrived);
    }

    /// <summary>Feeds one event to the orchestrator and lets its code run until it waits again.</summary>
    private void Apply(HistoryEvent e)
    {
        try
        {
            switch (e.Kind)
            {
                case OrchestratorStarted:
                    CurrentUtc = e.TimestampUtc;
                    break;
                case ExecutionStarted:
                    StartOrchestrator(e.Payload);
                    break;
                case TaskScheduled or TimerCreated or SubOrchestrationInstanceCreated:
                    Tasks.ConfirmScheduled(e);
                    break;
                case TaskCompleted or TimerFired or SubOrchestrationInstanceCompleted:
                    Tasks.Complete(e.TaskId, e.Payload);
                    break;
                case TaskFailed or SubOrchestrationInstanceFailed:
                    Tasks.Fail(e.TaskId, WorkflowJson.Deserialize<TaskFailureDetails>(e.Payload) ?? new TaskFailureDetails("Unknown", "No failure details were recorded.", null, null, null));
                    break;
                case EventRaised:
                    Mailbox.Deliver(e.Name ?? string.Empty, e.Payload);
                    break;
            }

            _runtime.Dispatcher.DrainContinuations();
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            _nonDeterminism ??= ex;
        }
    }

    private void StartOrchestrator(string? inputJson)
    {
        try
        {
            _orchestration = _runtime.Tasks.RunOrchestratorAsync(Name, _context, inputJson);
        }
        catch (Exception ex)
        {
            _orchestration = Task.FromException<object?>(ex);
        }
    }

    /// <summary>
    /// Journals the episode (the events that arrived, if not journaled already, then the actions or the
    /// instance's end and an OrchestratorCompleted mark) in one transaction, then starts the actions.
    /// </summary>
    private void EndEpisode(ArrivedEvents? arrived = null)
    {
        var outcome = _nonDeterminism is not null ? InstanceOutcome.Failed(_nonDeterminism) : CurrentOutcome();
        var actions = _nonDeterminism is null ? Tasks.TakeUnrecorded() : [];
        var now = Now();
        var children = ChildrenToCreate(actions, now);
        _runtime.Journal.Write(s =>
        {
            s.RequireLease(InstanceId, _runtime.OwnerId);
            if (arrived is not null)
            {
                foreach (var e in arrived.Events) s.AppendHistory(InstanceId, e);
                foreach (var row in arrived.InboxRows) s.DeleteInboxRow(row);
                s.MarkRunning(InstanceId, arrived.Events[0].TimestampUtc);
            }

            foreach (var action in actions) s.AppendHistory(InstanceId, NewEvent(action.HistoryKind, action.TaskId, action.Name, action.Payload, now));
            foreach (var (child, reset) in children)
            {
                if (reset) s.ResetInstance(child);
                else s.InsertInstance(child);
            }

            if (outcome is not null) s.AppendHistory(InstanceId, NewEvent(outcome.TerminalHistoryKind, null, null, outcome.TerminalHistoryPayload, now));
            s.AppendHistory(InstanceId, NewEvent(OrchestratorCompleted, null, null, null, now));
            if (_customStatusDirty) s.SetCustomStatus(InstanceId, _customStatus, now);
            if (outcome is not null) s.FinishInstance(InstanceId, outcome.Status, outcome.OutputJson, outcome.Failure, now);
        });
        _customStatusDirty = false;
        if (outcome is not null) Finish(outcome);
        else StartRecordedWork();
    }

    /// <summary>The instance ends when its code has returned and no un-cancelled durable timer is left (as in Durable Task).</summary>
    private InstanceOutcome? CurrentOutcome()
    {
        if (_orchestration is not { IsCompleted: true } run || Tasks.HasActiveTimers) return null;
        try
        {
            return InstanceOutcome.Completed(WorkflowJson.Serialize(run.GetAwaiter().GetResult()));
        }
        catch (Exception ex)
        {
            return InstanceOutcome.Failed(ex);
        }
    }

    /// <summary>Children are created in the same transaction that records their scheduling, so neither exists without the other.</summary>
    private List<(NewInstance Child, bool Reset)> ChildrenToCreate(List<PendingTask> actions, DateTime now)
    {
        var children = new List<(NewInstance, bool)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions.Where(a => a.Kind == TaskKind.SubOrchestration && a.ChildInstanceId is not null))
        {
            var childId = action.ChildInstanceId!;
            if (!seen.Add(childId)) continue;
            var existing = _runtime.Journal.Read(s => s.GetInstance(childId));
            var child = new NewInstance(childId, action.Name!, action.ChildInputJson, InstanceId, action.TaskId, _runtime.OwnerId, now);
            if (existing is null) children.Add((child, false));
            else if (existing.Info.ParentInstanceId == InstanceId && existing.Info.IsTerminal) children.Add((child, true));

            // Any other existing instance is someone else's: LaunchChild reports the clash to the code.
        }

        return children;
    }

    /// <summary>Dispatches activities, arms timers and launches children whose scheduling is journaled.</summary>
    private void StartRecordedWork()
    {
        foreach (var task in Tasks.Pending.Where(t => t.Recorded && !t.Started))
        {
            task.Started = true;
            var taskId = task.TaskId;
            switch (task.Kind)
            {
                case TaskKind.Activity:
                    _runtime.Activities.Dispatch(InstanceId, taskId, task.Name!, task.Payload, outcome =>
                        _runtime.Dispatcher.PostFromWorker(this, new ActivityFinished(taskId, outcome.Output, outcome.Failure, _runtime.UtcNow)));
                    break;
                case TaskKind.Timer:
                    task.Alarm = _runtime.Timers.Arm(task.FireAtUtc, () => _runtime.Dispatcher.PostFromWorker(this, new TimerElapsed(taskId, _runtime.UtcNow)));
                    break;
                default:
                    var childId = task.ChildInstanceId!;
                    _runtime.Dispatcher.Post(() => _runtime.LaunchChild(this, taskId, childId));
                    break;
            }
        }
    }

    private void Finish(InstanceOutcome outcome)
    {
        var children = Tasks.Pending.Where(t => t.Kind == TaskKind.SubOrchestration && t.Recorded).Select(t => t.ChildInstanceId!).ToList();
        IsFinished = true;
        Tasks.ReleaseAll();
        _runtime.OnRunnerFinished(this, outcome, children);
    }
}

/// <summary>An episode's new events (led by its OrchestratorStarted mark) and the inbox rows they came from.</summary>
internal sealed record ArrivedEvents(List<HistoryEvent> Events, List<long> InboxRows);
