using Microsoft.DurableTask;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>Something that happened outside the orchestrator and must be journaled before it sees it.</summary>
internal abstract record RunnerMessage;

// AtUtc on an outcome is when it happened, not when the dispatcher got to it: its history event carries that
// time (as Durable Task's do), so time spent waiting in the dispatcher's queue shows as the engine's, not the task's.

/// <summary>An activity returned (<see cref="Failure"/> null) or threw.</summary>
internal sealed record ActivityFinished(int TaskId, string? Output, TaskFailureDetails? Failure, DateTime AtUtc) : RunnerMessage;

/// <summary>A durable timer's fire time has come.</summary>
internal sealed record TimerElapsed(int TaskId, DateTime AtUtc) : RunnerMessage;

/// <summary>A child instance ended (<see cref="Failure"/> null when it completed).</summary>
internal sealed record ChildFinished(int TaskId, string? Output, TaskFailureDetails? Failure, DateTime AtUtc) : RunnerMessage;

/// <summary>An inbox row: a raised event or a terminate request from another process.</summary>
internal sealed record InboxDelivery(long RowId, string Kind, string? Name, string? Payload) : RunnerMessage;
