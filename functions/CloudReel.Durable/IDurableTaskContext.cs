using Microsoft.Extensions.Logging;

namespace CloudReel.Durable;

/// <summary>
/// The members of Durable Task's <c>TaskOrchestrationContext</c> the workflow needs. The Functions
/// app implements this with one forward per member (and turns Durable's TaskFailedException into
/// <see cref="DurableTaskFailedException"/>); everything else about the mapping lives in this library.
/// </summary>
public interface IDurableTaskContext
{
    string Name { get; }

    string InstanceId { get; }

    DateTime CurrentUtcDateTime { get; }

    bool IsReplaying { get; }

    ILoggerFactory ReplaySafeLoggerFactory { get; }

    Task<T> CallActivityAsync<T>(string name, object? input, DurableCallOptions options);

    Task<T> CallSubOrchestratorAsync<T>(string name, object? input, DurableCallOptions options);

    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken);

    void SetCustomStatus(object? customStatus);

    Guid NewGuid();
}

/// <summary>
/// How a call is made, in the terms of Durable Task's <c>TaskOptions</c> / <c>SubOrchestrationOptions</c>
/// and <c>RetryPolicy</c>: the shim copies these fields into the real types one to one.
/// </summary>
public sealed record DurableCallOptions(string? InstanceId, DurableRetry? Retry)
{
    public static readonly DurableCallOptions None = new(null, null);
}

/// <summary>
/// The fields of Durable Task's <c>RetryPolicy</c> (constructor arguments and <c>HandleFailure</c>),
/// the predicate taking the failure as recorded: error type and message.
/// </summary>
public sealed record DurableRetry(
    int MaxNumberOfAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient,
    TimeSpan MaxRetryInterval,
    TimeSpan RetryTimeout,
    Func<DurableFailure, bool> HandleFailure);

/// <summary>A failure as Durable Task records it (<c>TaskFailureDetails</c>): type, message, stack, cause.</summary>
public sealed record DurableFailure(string ErrorType, string ErrorMessage, string? StackTrace, DurableFailure? InnerFailure);

/// <summary>What the shim throws when Durable Task reports that an activity or sub-orchestration failed.</summary>
public sealed class DurableTaskFailedException(string taskName, int taskId, DurableFailure failure)
    : Exception($"Task '{taskName}' (#{taskId}) failed: {failure.ErrorMessage}")
{
    public string TaskName { get; } = taskName;

    public int TaskId { get; } = taskId;

    public DurableFailure Failure { get; } = failure;
}
