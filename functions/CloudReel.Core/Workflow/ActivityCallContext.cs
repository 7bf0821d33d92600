using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// What an activity is told about its call (its name, and the orchestration instance that called it),
/// for hosts that call activity classes themselves: the local engine, an Azure Functions activity trigger.
/// </summary>
public sealed class ActivityCallContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name => name;

    public override string InstanceId => instanceId;
}
