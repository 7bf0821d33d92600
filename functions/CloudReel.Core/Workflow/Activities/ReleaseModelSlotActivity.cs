using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Gives a model's job slot back once the clip's job has ended.</summary>
public sealed class ReleaseModelSlotActivity(IModelSlots slots) : Activity<ModelSlotRequest, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, ModelSlotRequest input)
    {
        await slots.ReleaseAsync(input.Group, input.Holder, context.CancellationToken);
        return true;
    }
}
