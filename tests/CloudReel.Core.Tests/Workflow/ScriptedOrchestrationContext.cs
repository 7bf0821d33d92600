using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using CoreFailureDetails = DurableTask.Core.FailureDetails;
using CoreTaskFailedException = DurableTask.Core.Exceptions.TaskFailedException;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>
/// Durable Task's <see cref="TaskOrchestrationContext"/> as a script: activities answer from a function,
/// timers fire at once and move the clock, sub-orchestrations run inline, events are raised beforehand.
/// Retry policies retry as Durable Task's do (attempts, <see cref="RetryPolicy.HandleFailure"/>, backoff on
/// the clock). Enough to test orchestration logic in isolation; the scenario suite runs it for real.
/// </summary>
internal sealed class ScriptedOrchestrationContext(string instanceId, Func<string, object?, object?> activities) : TaskOrchestrationContext
{
    private readonly Queue<(string Name, object? Payload)> _events = new();
    private DateTime _now = new(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);
    private int _guids;

    public List<(string Name, object? Input)> Calls { get; } = [];

    public List<object?> Statuses { get; } = [];

    public List<TimeSpan> Timers { get; } = [];

    public Dictionary<string, Func<TaskOrchestrationContext, object?, Task<object?>>> SubOrchestrations { get; } = [];

    public override TaskName Name => new("test");

    public override string InstanceId => instanceId;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => _now;

    public override bool IsReplaying => false;

    public override TaskOrchestrationEntityFeature Entities => throw new NotSupportedException();

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public void Raise(string name, object? payload) => _events.Enqueue((name, payload));

    public override T GetInput<T>() => throw new NotSupportedException("Orchestrators take their input as a parameter.");

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var policy = options?.Retry?.Policy;
        for (var attempt = 1; ; attempt++)
        {
            Calls.Add((name.Name, input));
            try
            {
                return Task.FromResult((TResult)activities(name.Name, input)!);
            }
            catch (Exception error)
            {
                var failure = new TaskFailedException(name.Name, Calls.Count, TaskFailureDetails.FromException(error));
                if (policy is null || attempt >= policy.MaxNumberOfAttempts || !policy.Handle(AsDurableTaskCoreFailure(failure)))
                {
                    return Task.FromException<TResult>(failure);
                }

                _now = _now.Add(policy.FirstRetryInterval * Math.Pow(policy.BackoffCoefficient, attempt - 1));
            }
        }
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var id = (options as SubOrchestrationOptions)?.InstanceId ?? $"{instanceId}:{Calls.Count}";
        var child = new ScriptedOrchestrationContext(id, activities);
        try
        {
            return (TResult)(await SubOrchestrations[orchestratorName.Name](child, input))!;
        }
        catch (Exception error)
        {
            throw new TaskFailedException(orchestratorName.Name, 0, TaskFailureDetails.FromException(error));
        }
        finally
        {
            Calls.AddRange(child.Calls);
        }
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled(cancellationToken);
        if (_events.Count > 0) return new TaskCompletionSource().Task; // an event is due first: the timer never wins
        Timers.Add(fireAt - _now);
        if (fireAt > _now) _now = fireAt;
        return Task.CompletedTask;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        if (_events.Count > 0 && _events.Peek().Name == eventName) return Task.FromResult((T)_events.Dequeue().Payload!);
        var never = new TaskCompletionSource<T>();
        cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
        return never.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();

    public override void SetCustomStatus(object? customStatus) => Statuses.Add(customStatus);

    public override Guid NewGuid() => new(_guids++, 0, 0, new byte[8]);

    /// <summary>A retry policy's failure filter reads the failure as the Durable Task worker hands it over.</summary>
    private static CoreTaskFailedException AsDurableTaskCoreFailure(TaskFailedException failure) =>
        new(0, failure.TaskId, failure.TaskName, null, failure.Message, failure) { FailureDetails = ToCore(failure.FailureDetails) };

    private static CoreFailureDetails ToCore(TaskFailureDetails details) =>
        new(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure is null ? null : ToCore(details.InnerFailure), isNonRetriable: false);
}
