using CloudReel.Durable;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace CloudReel.Functions.Durable;

/// <summary>
/// Durable Task's <see cref="TaskOrchestrationContext"/> as <see cref="IDurableTaskContext"/>: one forward
/// per member. Options and retry policies become Durable's own; a failed task's
/// <see cref="TaskFailedException"/> becomes <see cref="DurableTaskFailedException"/>. The mapping to the
/// workflow port is <see cref="DurableWorkflowContext"/>, tested in CloudReel.Durable.Tests.
/// </summary>
public sealed class TaskOrchestrationContextShim(TaskOrchestrationContext context) : IDurableTaskContext
{
    public string Name => context.Name.Name;

    public string InstanceId => context.InstanceId;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public bool IsReplaying => context.IsReplaying;

    public ILoggerFactory ReplaySafeLoggerFactory { get; } = new ReplaySafeLoggers(context);

    public async Task<T> CallActivityAsync<T>(string name, object? input, DurableCallOptions options)
    {
        try
        {
            return await context.CallActivityAsync<T>(name, input, options.Retry is null ? null : TaskOptions.FromRetryPolicy(Policy(options.Retry)));
        }
        catch (TaskFailedException failure)
        {
            throw Translate(failure);
        }
    }

    public async Task<T> CallSubOrchestratorAsync<T>(string name, object? input, DurableCallOptions options)
    {
        try
        {
            var retry = options.Retry is null ? null : new TaskRetryOptions(Policy(options.Retry));
            return await context.CallSubOrchestratorAsync<T>(name, input, new SubOrchestrationOptions(retry, options.InstanceId));
        }
        catch (TaskFailedException failure)
        {
            throw Translate(failure);
        }
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => context.CreateTimer(fireAt, cancellationToken);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken) => context.WaitForExternalEvent<T>(eventName, cancellationToken);

    public void SetCustomStatus(object? customStatus) => context.SetCustomStatus(customStatus);

    public Guid NewGuid() => context.NewGuid();

    private static RetryPolicy Policy(DurableRetry retry) => new(
        retry.MaxNumberOfAttempts,
        retry.FirstRetryInterval,
        retry.BackoffCoefficient,
        retry.MaxRetryInterval,
        retry.RetryTimeout == Timeout.InfiniteTimeSpan ? null : retry.RetryTimeout)
    {
        HandleFailure = details => retry.HandleFailure(Failure(details)),
    };

    private static DurableTaskFailedException Translate(TaskFailedException failure) =>
        new(failure.TaskName, failure.TaskId, Failure(failure.FailureDetails));

    private static DurableFailure Failure(TaskFailureDetails details) =>
        DurableMapping.FromDetails(details, d => d.ErrorType, d => d.ErrorMessage, d => d.StackTrace, d => d.InnerFailure);

    /// <summary>Loggers that stay quiet while the orchestration replays (Durable's CreateReplaySafeLogger).</summary>
    private sealed class ReplaySafeLoggers(TaskOrchestrationContext context) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => context.CreateReplaySafeLogger(categoryName);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("Replay-safe loggers come from the orchestration context.");

        public void Dispose()
        {
        }
    }
}
