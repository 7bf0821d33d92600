using System.Text.Json;
using CloudReel.Core.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// Durable Task's <see cref="TaskOrchestrationContext"/> as the local engine implements it. Every call
/// becomes a numbered task of the <see cref="OrchestrationRunner"/>; tasks complete only when the runner
/// applies their journaled outcome, on the dispatcher. What the engine does not offer (entities,
/// events sent between instances, continue-as-new) throws <see cref="NotSupportedException"/> saying so.
/// </summary>
internal sealed class ReplayOrchestrationContext(OrchestrationRunner runner, ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    private int _guidCounter;

    public override TaskName Name => new(runner.Name);

    public override string InstanceId => runner.InstanceId;

    public override ParentOrchestrationInstance? Parent => runner.Parent;

    public override DateTime CurrentUtcDateTime => runner.CurrentUtc;

    public override bool IsReplaying => runner.IsReplaying;

    public override TaskOrchestrationEntityFeature Entities =>
        throw new NotSupportedException($"{nameof(Entities)}: the local engine runs orchestrations and activities only; durable entities are not supported.");

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T? GetInput<T>()
        where T : default => WorkflowJson.Deserialize<T>(runner.InputJson);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name.Name, nameof(name));
        RequireNotOptions(input, options);
        var inputJson = WorkflowJson.Serialize(input);
        Task<TResult> Attempt() => Schedule<TResult>(TaskKind.Activity, name.Name, inputJson);
        return options?.Retry is { } retry ? RetryingCalls.RunAsync(this, retry, Attempt) : Attempt();
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name, nameof(orchestratorName));
        RequireNotOptions(input, options);
        var inputJson = WorkflowJson.Serialize(input);
        var fixedInstanceId = (options as SubOrchestrationOptions)?.InstanceId;
        Task<TResult> Attempt()
        {
            var childId = fixedInstanceId ?? $"{InstanceId}:{runner.Tasks.NextTaskId}";
            return Schedule<TResult>(TaskKind.SubOrchestration, orchestratorName.Name, ChildReference(childId, inputJson), childId, inputJson);
        }

        return options?.Retry is { } retry ? RetryingCalls.RunAsync(this, retry, Attempt) : Attempt();
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var fireAtUtc = Journal.UtcTime.Normalize(fireAt);
        var taskId = runner.Tasks.NextTaskId;
        var completion = new TaskCompletionSource();
        var timer = new PendingTask(taskId, TaskKind.Timer, null, WorkflowJson.Serialize(fireAtUtc))
        {
            FireAtUtc = fireAtUtc,
            Complete = _ => completion.TrySetResult(),
            Fail = details => completion.TrySetException(new TaskFailedException("timer", taskId, details)),
            Cancel = () => completion.TrySetCanceled(cancellationToken),
        };
        runner.Schedule(timer);
        if (cancellationToken.CanBeCanceled)
        {
            timer.CancellationRegistration = cancellationToken.Register(() => runner.OnDispatcher(() => runner.Tasks.CancelTimer(taskId)));
        }

        return completion.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return runner.Mailbox.WaitAsync<T>(eventName, runner.OnDispatcher, cancellationToken);
    }

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        throw new NotSupportedException($"{nameof(SendEvent)}: the local engine does not send events from one instance to another; raise them from outside (LocalWorkflowEngine.RaiseEventAsync).");

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        throw new NotSupportedException($"{nameof(ContinueAsNew)}: the local engine keeps one history per instance and does not restart an instance with a new input.");

    public override void SetCustomStatus(object? customStatus) =>
        runner.SetCustomStatus(customStatus is null ? null : WorkflowJson.Serialize(customStatus));

    public override Guid NewGuid() => DeterministicGuid.ForOrchestration(InstanceId, CurrentUtcDateTime, _guidCounter++);

    /// <summary>As Durable Task does: options passed where the input goes are a mistake worth naming.</summary>
    private static void RequireNotOptions(object? input, TaskOptions? options)
    {
        if (input is TaskOptions && options is null)
        {
            throw new ArgumentException($"A {nameof(TaskOptions)} value was passed as the input and no options were given; pass it as the options.", nameof(input));
        }
    }

    private static string ChildReference(string childInstanceId, string inputJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("instanceId", childInstanceId);
            writer.WritePropertyName("input");
            writer.WriteRawValue(inputJson, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private Task<T> Schedule<T>(TaskKind kind, string name, string payload, string? childInstanceId = null, string? childInputJson = null)
    {
        var taskId = runner.Tasks.NextTaskId;
        var completion = new TaskCompletionSource<T>();
        runner.Schedule(new PendingTask(taskId, kind, name, payload)
        {
            ChildInstanceId = childInstanceId,
            ChildInputJson = childInputJson,
            Complete = json => PayloadCompletion.SetFromJson(completion, json),
            Fail = details => completion.TrySetException(new TaskFailedException(name, taskId, details)),
        });
        return completion.Task;
    }
}
