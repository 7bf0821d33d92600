using CloudReel.Core.Workflow;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// Retry policies as orchestrator code (as Durable Task does it): each attempt is a new task, and the
/// wait between attempts is a durable timer, so retries replay and survive restarts.
/// </summary>
internal static class RetryingCalls
{
    public static async Task<T> RunAsync<T>(WorkflowContext context, RetryPolicy policy, Func<Task<T>> attempt)
    {
        var firstAttemptUtc = context.CurrentUtcDateTime;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure) when (ShouldRetry(context, policy, attemptNumber, firstAttemptUtc, failure.FailureDetails))
            {
                await context.CreateTimer(policy.DelayBefore(attemptNumber + 1), CancellationToken.None);
            }
        }
    }

    private static bool ShouldRetry(WorkflowContext context, RetryPolicy policy, int attemptNumber, DateTime firstAttemptUtc, TaskFailureDetails failure)
    {
        if (attemptNumber >= policy.MaxNumberOfAttempts || !policy.HandleFailure(failure)) return false;
        if (policy.RetryTimeout == Timeout.InfiniteTimeSpan) return true;
        var nextAttemptUtc = context.CurrentUtcDateTime + policy.DelayBefore(attemptNumber + 1);
        return nextAttemptUtc - firstAttemptUtc <= policy.RetryTimeout;
    }
}
