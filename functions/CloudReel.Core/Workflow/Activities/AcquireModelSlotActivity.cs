using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Takes one of a model's job slots for a clip; false when all are held (by any film in the process).</summary>
public sealed class AcquireModelSlotActivity(IModelSlots slots, IHostApplicationLifetime host) : TaskActivity<ModelSlotRequest, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, ModelSlotRequest input) =>
        slots.TryAcquireAsync(input.Group, input.Holder, input.Capacity, host.ApplicationStopping);
}
