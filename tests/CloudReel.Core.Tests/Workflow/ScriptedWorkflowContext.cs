using CloudReel.Core.Workflow;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>
/// An in-memory stand-in for an engine: activities answer from a script, timers fire at once and
/// move the clock, sub-orchestrations run inline. Enough to test orchestration logic in isolation.
/// </summary>
internal sealed class ScriptedWorkflowContext(string instanceId, Func<string, object?, object?> activities) : WorkflowContext
{
    private readonly Queue<(string Name, object? Payload)> _events = new();
    private DateTime _now = new(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);
    private int _guids;

    public List<(string Name, object? Input)> Calls { get; } = [];

    public List<object?> Statuses { get; } = [];

    public List<TimeSpan> Timers { get; } = [];

    public Dictionary<string, Func<WorkflowContext, object?, Task<object?>>> SubOrchestrations { get; } = [];

    public override string Name => "test";

    public override string InstanceId => instanceId;

    public override DateTime CurrentUtcDateTime => _now;

    public override bool IsReplaying => false;

    public void Raise(string name, object? payload) => _events.Enqueue((name, payload));

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        Calls.Add((name, input));
        var attempts = options?.Retry?.MaxNumberOfAttempts ?? 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Task.FromResult((TResult)activities(name, input)!);
            }
            catch (Exception error) when (error is not TaskFailedException)
            {
                var details = TaskFailureDetails.FromException(error);
                if (attempt >= attempts || options?.Retry?.HandleFailure(details) == false)
                {
                    return Task.FromException<TResult>(new TaskFailedException(name, Calls.Count, details));
                }

                _now = _now.Add(options!.Retry!.DelayBefore(attempt + 1));
            }
        }
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var id = (options as SubOrchestrationOptions)?.InstanceId ?? $"{instanceId}:{Calls.Count}";
        var child = new ScriptedWorkflowContext(id, activities);
        try
        {
            return (TResult)(await SubOrchestrations[orchestratorName](child, input))!;
        }
        catch (Exception error)
        {
            throw new TaskFailedException(orchestratorName, 0, TaskFailureDetails.FromException(error));
        }
        finally
        {
            Calls.AddRange(child.Calls);
        }
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.Delay(Timeout.Infinite, cancellationToken);
        if (_events.Count > 0) return new TaskCompletionSource().Task; // an event is due first: the timer never wins
        Timers.Add(fireAt - _now);
        if (fireAt > _now) _now = fireAt;
        return Task.CompletedTask;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        _events.Count > 0 && _events.Peek().Name == eventName
            ? Task.FromResult((T)_events.Dequeue().Payload!)
            : new TaskCompletionSource<T>().Task;

    public override void SetCustomStatus(object? customStatus) => Statuses.Add(customStatus);

    public override Guid NewGuid() => new(_guids++, 0, 0, new byte[8]);
}
