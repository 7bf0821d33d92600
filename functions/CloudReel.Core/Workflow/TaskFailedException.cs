namespace CloudReel.Core.Workflow;

/// <summary>An activity or sub-orchestration failed (mirrors Durable Task's TaskFailedException).</summary>
public sealed class TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
    : Exception($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails.ErrorMessage}")
{
    public string TaskName { get; } = taskName;

    public int TaskId { get; } = taskId;

    public TaskFailureDetails FailureDetails { get; } = failureDetails;
}

/// <summary>Why a task failed, as recorded in the history (mirrors Durable Task's TaskFailureDetails).</summary>
public sealed record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null)
{
    public static TaskFailureDetails FromException(Exception exception) => new(
        exception.GetType().FullName ?? exception.GetType().Name,
        exception.Message,
        exception.StackTrace,
        exception.InnerException is null ? null : FromException(exception.InnerException));

    /// <summary>Whether the failure was an exception of type <typeparamref name="T"/> (or derived from it).</summary>
    public bool IsCausedBy<T>()
        where T : Exception
    {
        for (var type = Type.GetType(ErrorType, throwOnError: false) ?? FindLoadedType(ErrorType); type is not null; type = type.BaseType)
        {
            if (type == typeof(T)) return true;
        }

        return false;
    }

    private static Type? FindLoadedType(string fullName) => AppDomain.CurrentDomain.GetAssemblies()
        .Select(a => a.GetType(fullName, throwOnError: false))
        .FirstOrDefault(t => t is not null);
}
