using System.Runtime.ExceptionServices;
using Microsoft.DurableTask;
using CoreFailureDetails = DurableTask.Core.FailureDetails;
using CoreTaskFailedException = DurableTask.Core.Exceptions.TaskFailedException;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// The retries of <see cref="TaskOptions.Retry"/> as orchestrator code, as Durable Task runs them: each
/// attempt is a new task, and a <see cref="RetryPolicy"/> waits between attempts on a durable timer, so
/// retries replay and survive restarts. A retry handler decides (and waits) itself.
/// </summary>
internal static class RetryingCalls
{
    public static async Task<T> RunAsync<T>(TaskOrchestrationContext context, TaskRetryOptions retry, Func<Task<T>> attempt)
    {
        var firstAttemptUtc = context.CurrentUtcDateTime;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            TaskFailedException failure;
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failed)
            {
                failure = failed;
            }

            if (retry.Policy is { } policy)
            {
                if (!ShouldRetry(context, policy, attemptNumber, firstAttemptUtc, failure)) ExceptionDispatchInfo.Throw(failure);
                await context.CreateTimer(DelayAfter(policy, attemptNumber), CancellationToken.None);
            }
            else if (retry.Handler is { } handler)
            {
                var retryContext = new RetryContext(context, attemptNumber, failure.FailureDetails, context.CurrentUtcDateTime - firstAttemptUtc, CancellationToken.None);
                if (!await handler(retryContext)) ExceptionDispatchInfo.Throw(failure);
            }
            else
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attemptNumber"/>: first interval, times the backoff per attempt, capped.</summary>
    public static TimeSpan DelayAfter(RetryPolicy policy, int attemptNumber)
    {
        var ticks = policy.FirstRetryInterval.Ticks * Math.Pow(policy.BackoffCoefficient, attemptNumber - 1);
        return policy.MaxRetryInterval == Timeout.InfiniteTimeSpan ? TimeSpan.FromTicks((long)ticks) : TimeSpan.FromTicks((long)Math.Min(ticks, policy.MaxRetryInterval.Ticks));
    }

    private static bool ShouldRetry(TaskOrchestrationContext context, RetryPolicy policy, int attemptNumber, DateTime firstAttemptUtc, TaskFailedException failure)
    {
        if (attemptNumber >= policy.MaxNumberOfAttempts || !policy.Handle(AsDurableTaskCoreFailure(failure))) return false;
        if (policy.RetryTimeout == Timeout.InfiniteTimeSpan) return true;
        var nextAttemptUtc = context.CurrentUtcDateTime + DelayAfter(policy, attemptNumber);
        return nextAttemptUtc - firstAttemptUtc <= policy.RetryTimeout;
    }

    /// <summary>
    /// <see cref="RetryPolicy.Handle"/> (which <see cref="RetryPolicy.HandleFailure"/> sets) reads the failure
    /// from the Durable Task Framework's exception, the shape the Durable Task worker hands it.
    /// </summary>
    private static CoreTaskFailedException AsDurableTaskCoreFailure(TaskFailedException failure) =>
        new(0, failure.TaskId, failure.TaskName, null, failure.FailureDetails.ErrorMessage, failure)
        {
            FailureDetails = ToCore(failure.FailureDetails),
        };

    private static CoreFailureDetails ToCore(TaskFailureDetails details) => new(
        details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure is null ? null : ToCore(details.InnerFailure), isNonRetriable: false, details.Properties);
}
