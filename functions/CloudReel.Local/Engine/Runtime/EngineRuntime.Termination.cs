using CloudReel.Local.Engine.Journal;
using Microsoft.Extensions.Logging;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>Ending instances: terminate requests, and runners that must stop without ending.</summary>
internal sealed partial class EngineRuntime
{
    /// <summary>
    /// Dispatcher: terminates an instance and its unfinished descendants. Run here: its runner ends it.
    /// Held by another live engine: a terminate request goes to that engine through the inbox.
    /// Run nowhere: it is ended in the journal directly.
    /// </summary>
    public void TerminateInstance(string instanceId, string reason)
    {
        if (_running.TryGetValue(instanceId, out var runner) && !runner.IsFinished)
        {
            runner.Terminate(reason, []);
            return;
        }

        var record = Journal.Read(s => s.GetInstance(instanceId)) ?? throw UnknownInstance(instanceId);
        if (record.Info.IsTerminal) return;
        var now = UtcNow;
        var ended = new List<(string InstanceId, InstanceOutcome Outcome)>();
        var runningDescendants = new List<string>();
        Journal.Write(s =>
        {
            ended.Clear();
            runningDescendants.Clear();
            var tree = s.ReadTreeLeases(instanceId).Where(h => h.Status is InstanceStatus.Pending or InstanceStatus.Running).ToList();
            var root = tree.FirstOrDefault(h => h.InstanceId == instanceId);
            if (root is not null && Leases.IsLiveForeign(root, now))
            {
                s.InsertInbox(instanceId, InboxKinds.Terminate, null, Core.Workflow.WorkflowJson.Serialize(reason), now);
                return;
            }

            foreach (var node in tree)
            {
                if (IsRunningHere(node.InstanceId))
                {
                    runningDescendants.Add(node.InstanceId);
                    continue;
                }

                if (Leases.IsLiveForeign(node, now)) continue;
                var outcome = InstanceOutcome.Terminated(node.InstanceId == instanceId ? reason : $"its ancestor '{instanceId}' was terminated");
                s.AppendHistory(node.InstanceId, new HistoryEvent(0, HistoryKinds.ExecutionTerminated, null, null, now, outcome.OutputJson));
                s.FinishInstance(node.InstanceId, outcome.Status, outcome.OutputJson, null, now);
                ended.Add((node.InstanceId, outcome));
            }
        });

        foreach (var (id, _) in ended) Completions.Notify(id);
        if (ended.FirstOrDefault(e => e.InstanceId == instanceId) is { Outcome: { } rootOutcome })
        {
            NotifyParent(record.Info.ParentInstanceId, record.ParentTaskId, instanceId, rootOutcome);
        }

        foreach (var id in runningDescendants) TerminateInstance(id, $"its ancestor '{instanceId}' was terminated");
    }

    /// <summary>Stops running an instance without ending it (lease lost, journal trouble); it can be resumed later.</summary>
    public void Abandon(OrchestrationRunner runner, Exception reason)
    {
        runner.Abandon();
        _running.TryRemove(new KeyValuePair<string, OrchestrationRunner>(runner.InstanceId, runner));
        if (reason is LeaseLostException) Logger.LogWarning("Stopped running {InstanceId}: {Reason}", runner.InstanceId, reason.Message);
        else Logger.LogError(reason, "Stopped running {InstanceId}; resume it to carry on", runner.InstanceId);
    }
}
