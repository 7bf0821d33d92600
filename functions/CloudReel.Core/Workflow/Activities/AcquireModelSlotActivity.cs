using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Takes one of a model's job slots for a clip; false when all are held (by any film in the process).</summary>
public sealed class AcquireModelSlotActivity(IModelSlots slots) : Activity<ModelSlotRequest, bool>
{
    public override Task<bool> RunAsync(ActivityContext context, ModelSlotRequest input) =>
        slots.TryAcquireAsync(input.Group, input.Holder, input.Capacity, context.CancellationToken);
}
