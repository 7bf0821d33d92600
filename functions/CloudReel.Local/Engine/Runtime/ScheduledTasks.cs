namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// The numbered tasks of one orchestration run: which ones the history recorded, which the code has
/// scheduled now, and which still wait for an outcome. Checks, task by task, that replayed code
/// schedules what the history says it scheduled.
/// </summary>
internal sealed class ScheduledTasks(string orchestrationName, string instanceId)
{
    private readonly Dictionary<int, HistoryEvent> _recorded = [];
    private readonly Dictionary<int, PendingTask> _pending = [];
    private readonly List<PendingTask> _unrecorded = [];

    public int NextTaskId { get; private set; }

    public bool HasActiveTimers => _pending.Values.Any(t => t.Kind == TaskKind.Timer);

    public IReadOnlyList<PendingTask> Pending => [.. _pending.Values.OrderBy(t => t.TaskId)];

    public void LoadRecorded(IEnumerable<HistoryEvent> history)
    {
        foreach (var e in history.Where(e => IsScheduling(e.Kind) && e.TaskId is not null)) _recorded[e.TaskId!.Value] = e;
    }

    /// <summary>Adds the code's next task; throws if it contradicts the history.</summary>
    public void Add(PendingTask task, bool replaying)
    {
        if (task.TaskId != NextTaskId) throw new InvalidOperationException($"Task ids must be consecutive: expected #{NextTaskId}, got #{task.TaskId}.");
        NextTaskId++;
        if (_recorded.TryGetValue(task.TaskId, out var recorded))
        {
            if (recorded.Kind != task.HistoryKind || !string.Equals(recorded.Name, task.Name, StringComparison.OrdinalIgnoreCase))
            {
                throw Mismatch(task.TaskId, Describe(recorded), task.DescribeCall());
            }

            task.Recorded = true;
        }
        else if (replaying)
        {
            throw Mismatch(task.TaskId, $"nothing (the run it replays had scheduled only {_recorded.Count} tasks by then)", task.DescribeCall());
        }
        else
        {
            _unrecorded.Add(task);
        }

        _pending[task.TaskId] = task;
    }

    /// <summary>On replay, a scheduling event is fed after the episode that scheduled it: the code must have scheduled it by now.</summary>
    public void ConfirmScheduled(HistoryEvent scheduling)
    {
        if (scheduling.TaskId is not { } taskId || taskId >= NextTaskId)
        {
            throw Mismatch(scheduling.TaskId ?? -1, Describe(scheduling), "did not schedule it (the orchestrator finished or waited for something else first)");
        }
    }

    public List<PendingTask> TakeUnrecorded()
    {
        var taken = _unrecorded.ToList();
        _unrecorded.Clear();
        foreach (var task in taken) task.Recorded = true;
        return taken;
    }

    /// <summary>A pending task of <paramref name="kind"/> whose outcome has not been taken yet, marking it taken.</summary>
    public bool TryTakeOutcome(int taskId, TaskKind kind)
    {
        if (!_pending.TryGetValue(taskId, out var task) || task.Kind != kind || task.OutcomeTaken) return false;
        task.OutcomeTaken = true;
        return true;
    }

    public PendingTask? Find(int taskId) => _pending.GetValueOrDefault(taskId);

    public void Complete(int? taskId, string? payload)
    {
        if (Remove(taskId) is { } task) task.Complete(payload);
    }

    public void Fail(int? taskId, Microsoft.DurableTask.TaskFailureDetails details)
    {
        if (Remove(taskId) is { } task) task.Fail(details);
    }

    /// <summary>A cancelled timer stops keeping the instance waiting; its firing is ignored.</summary>
    public void CancelTimer(int taskId)
    {
        if (_pending.TryGetValue(taskId, out var task) && task.Kind == TaskKind.Timer && Remove(taskId) is not null) task.Cancel();
    }

    public void ReleaseAll()
    {
        foreach (var task in _pending.Values) task.Release();
    }

    private static bool IsScheduling(string kind) =>
        kind is HistoryKinds.TaskScheduled or HistoryKinds.TimerCreated or HistoryKinds.SubOrchestrationInstanceCreated;

    private static string Describe(HistoryEvent scheduling) => scheduling.Kind switch
    {
        HistoryKinds.TaskScheduled => $"activity '{scheduling.Name}' ({scheduling.Kind})",
        HistoryKinds.TimerCreated => $"a durable timer ({scheduling.Kind})",
        _ => $"sub-orchestration '{scheduling.Name}' ({scheduling.Kind})",
    };

    private PendingTask? Remove(int? taskId)
    {
        if (taskId is null || !_pending.Remove(taskId.Value, out var task)) return null;
        task.Release();
        return task;
    }

    private NonDeterministicOrchestrationException Mismatch(int taskId, string recorded, string actual) =>
        new(orchestrationName, instanceId, taskId, recorded, actual);
}
