using Microsoft.DurableTask;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>The three kinds of action an orchestrator schedules, each a numbered task in its history.</summary>
internal enum TaskKind
{
    Activity,
    Timer,
    SubOrchestration,
}

/// <summary>A task the orchestrator scheduled and whose outcome it has not seen yet.</summary>
internal sealed class PendingTask(int taskId, TaskKind kind, string? name, string? payload)
{
    public int TaskId { get; } = taskId;

    public TaskKind Kind { get; } = kind;

    /// <summary>Activity or orchestration name; null for timers.</summary>
    public string? Name { get; } = name;

    /// <summary>What the scheduling history event carries: the input, the fire time or the child reference.</summary>
    public string? Payload { get; } = payload;

    public DateTime FireAtUtc { get; init; }

    public string? ChildInstanceId { get; init; }

    public string? ChildInputJson { get; init; }

    public required Action<string?> Complete { get; init; }

    public required Action<TaskFailureDetails> Fail { get; init; }

    public Action Cancel { get; init; } = static () => { };

    /// <summary>Its scheduling event is in the journal.</summary>
    public bool Recorded { get; set; }

    /// <summary>Dispatched (activity), armed (timer) or launched (child) by this engine.</summary>
    public bool Started { get; set; }

    /// <summary>Its outcome is being journaled in the current episode.</summary>
    public bool OutcomeTaken { get; set; }

    public IDisposable? Alarm { get; set; }

    public CancellationTokenRegistration CancellationRegistration { get; set; }

    public string HistoryKind => Kind switch
    {
        TaskKind.Activity => HistoryKinds.TaskScheduled,
        TaskKind.Timer => HistoryKinds.TimerCreated,
        _ => HistoryKinds.SubOrchestrationInstanceCreated,
    };

    /// <summary>What the code did, in words for a non-determinism report.</summary>
    public string DescribeCall() => Kind switch
    {
        TaskKind.Activity => $"calls activity '{Name}'",
        TaskKind.Timer => "creates a durable timer",
        _ => $"calls sub-orchestration '{Name}'",
    };

    public void Release()
    {
        Alarm?.Dispose();
        CancellationRegistration.Dispose();
    }
}
