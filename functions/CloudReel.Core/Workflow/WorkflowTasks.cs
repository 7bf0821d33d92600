namespace CloudReel.Core.Workflow;

/// <summary>
/// An orchestrator: deterministic code over a <see cref="WorkflowContext"/> (mirrors Durable Task's
/// <c>TaskOrchestrator&lt;TInput, TOutput&gt;</c>).
/// </summary>
public abstract class Orchestration<TInput, TOutput> : IOrchestration
{
    public abstract Task<TOutput> RunAsync(WorkflowContext context, TInput input);

    Type IOrchestration.InputType => typeof(TInput);

    async Task<object?> IOrchestration.RunAsync(WorkflowContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}

/// <summary>An activity: where the work and the I/O happen. Runs at least once, so it must be idempotent.</summary>
public abstract class Activity<TInput, TOutput> : IActivity
{
    public abstract Task<TOutput> RunAsync(ActivityContext context, TInput input);

    Type IActivity.InputType => typeof(TInput);

    async Task<object?> IActivity.RunAsync(ActivityContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}

/// <summary>Untyped view of an orchestration, for engines.</summary>
public interface IOrchestration
{
    Type InputType { get; }

    Task<object?> RunAsync(WorkflowContext context, object? input);
}

/// <summary>Untyped view of an activity, for engines.</summary>
public interface IActivity
{
    Type InputType { get; }

    Task<object?> RunAsync(ActivityContext context, object? input);
}

/// <summary>What an activity knows about its call.</summary>
public sealed record ActivityContext(string Name, string InstanceId, CancellationToken CancellationToken);
