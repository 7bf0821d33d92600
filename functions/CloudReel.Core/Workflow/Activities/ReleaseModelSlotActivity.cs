using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Gives a model's job slot back once the clip's job has ended.</summary>
public sealed class ReleaseModelSlotActivity(IModelSlots slots, IHostApplicationLifetime host) : TaskActivity<ModelSlotRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ModelSlotRequest input)
    {
        await slots.ReleaseAsync(input.Group, input.Holder, host.ApplicationStopping);
        return true;
    }
}
