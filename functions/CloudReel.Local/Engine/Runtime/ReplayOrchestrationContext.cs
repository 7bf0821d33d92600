using System.Text.Json;
using CloudReel.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// The <see cref="WorkflowContext"/> the local engine hands to orchestrators. Every call becomes a numbered
/// task of the <see cref="OrchestrationRunner"/>; tasks complete only when the runner applies their
/// journaled outcome, on the dispatcher thread.
/// </summary>
internal sealed class ReplayOrchestrationContext(OrchestrationRunner runner, ILoggerFactory loggerFactory) : WorkflowContext
{
    private int _guidCounter;

    public override string Name => runner.Name;

    public override string InstanceId => runner.InstanceId;

    public override DateTime CurrentUtcDateTime => runner.CurrentUtc;

    public override bool IsReplaying => runner.IsReplaying;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var inputJson = WorkflowJson.Serialize(input);
        Task<TResult> Attempt() => Schedule<TResult>(TaskKind.Activity, name, inputJson);
        return options?.Retry is { } policy ? RetryingCalls.RunAsync(this, policy, Attempt) : Attempt();
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var inputJson = WorkflowJson.Serialize(input);
        var fixedInstanceId = (options as SubOrchestrationOptions)?.InstanceId;
        Task<TResult> Attempt()
        {
            var childId = fixedInstanceId ?? $"{InstanceId}:{runner.Tasks.NextTaskId}";
            return Schedule<TResult>(TaskKind.SubOrchestration, orchestratorName, ChildReference(childId, inputJson), childId, inputJson);
        }

        return options?.Retry is { } policy ? RetryingCalls.RunAsync(this, policy, Attempt) : Attempt();
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

    public override void SetCustomStatus(object? customStatus) =>
        runner.SetCustomStatus(customStatus is null ? null : WorkflowJson.Serialize(customStatus));

    public override Guid NewGuid() => DeterministicGuid.ForOrchestration(InstanceId, CurrentUtcDateTime, _guidCounter++);

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
