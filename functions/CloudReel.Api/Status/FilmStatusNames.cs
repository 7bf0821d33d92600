using CloudReel.Core.Ports;

namespace CloudReel.Api.Status;

/// <summary>How the API names instance statuses: a terminated film was cancelled.</summary>
public static class FilmStatusNames
{
    public static string Of(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Pending => "pending",
        WorkflowStatus.Running => "running",
        WorkflowStatus.Completed => "completed",
        WorkflowStatus.Failed => "failed",
        WorkflowStatus.Terminated => "cancelled",
        WorkflowStatus.Suspended => "suspended",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The reason without the "Film &lt;id&gt; failed: " every failure message starts with.</summary>
    public static string? Reason(WorkflowInstance instance)
    {
        if (instance.Status == WorkflowStatus.Terminated) return instance.ReadOutputAs<string>() ?? "cancelled";
        if (instance.FailureMessage is not { } message) return null;
        var prefix = $"Film {instance.InstanceId} failed: ";
        var at = message.IndexOf(prefix, StringComparison.Ordinal);
        return PublicErrors.Of(at >= 0 ? message[(at + prefix.Length)..] : message);
    }
}
