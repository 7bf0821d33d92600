using CloudReel.Core.Workflow;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>Completes an orchestrator's task with a journaled JSON payload, as the type the code asked for.</summary>
internal static class PayloadCompletion
{
    public static void SetFromJson<T>(TaskCompletionSource<T> completion, string? json)
    {
        T value;
        try
        {
            value = WorkflowJson.Deserialize<T>(json)!;
        }
        catch (Exception ex)
        {
            completion.TrySetException(ex);
            return;
        }

        completion.TrySetResult(value);
    }
}
