using CloudReel.Core.Workflow;

namespace CloudReel.Durable;

/// <summary>Translates the workflow port's options and failures to Durable Task's shapes and back.</summary>
public static class DurableMapping
{
    public static DurableCallOptions ToDurable(TaskOptions? options) => options is null
        ? DurableCallOptions.None
        : new DurableCallOptions((options as SubOrchestrationOptions)?.InstanceId, ToDurable(options.Retry));

    public static DurableRetry? ToDurable(RetryPolicy? policy) => policy is null
        ? null
        : new DurableRetry(
            policy.MaxNumberOfAttempts,
            policy.FirstRetryInterval,
            policy.BackoffCoefficient,
            policy.MaxRetryInterval,
            policy.RetryTimeout,
            failure => policy.HandleFailure(ToWorkflow(failure)));

    /// <summary>A Durable failure as the workflow sees it, so <c>catch (TaskFailedException)</c> and <c>IsCausedBy</c> work alike in both homes.</summary>
    public static TaskFailedException ToWorkflow(DurableTaskFailedException failure) =>
        new(failure.TaskName, failure.TaskId, ToWorkflow(failure.Failure));

    public static TaskFailureDetails ToWorkflow(DurableFailure failure) => new(
        failure.ErrorType,
        failure.ErrorMessage,
        failure.StackTrace,
        failure.InnerFailure is null ? null : ToWorkflow(failure.InnerFailure));

    /// <summary>For the shim: Durable's recursive TaskFailureDetails, read through accessors, as a <see cref="DurableFailure"/>.</summary>
    public static DurableFailure FromDetails<TDetails>(
        TDetails details,
        Func<TDetails, string> errorType,
        Func<TDetails, string> errorMessage,
        Func<TDetails, string?> stackTrace,
        Func<TDetails, TDetails?> innerFailure)
        where TDetails : class
    {
        var inner = innerFailure(details);
        return new DurableFailure(
            errorType(details),
            errorMessage(details),
            stackTrace(details),
            inner is null ? null : FromDetails(inner, errorType, errorMessage, stackTrace, innerFailure));
    }
}
