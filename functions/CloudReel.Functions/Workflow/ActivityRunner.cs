using CloudReel.Core.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Functions.Workflow;

/// <summary>Runs a workflow activity as the local engine does: created from the container per call, with the call's name, instance and cancellation.</summary>
public static class ActivityRunner
{
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(string name, TInput input, FunctionContext function)
        where TActivity : Activity<TInput, TOutput>
    {
        var instanceId = function.BindingContext.BindingData.TryGetValue("instanceId", out var id) && id is not null ? id.ToString()! : function.InvocationId;
        var activity = function.InstanceServices.GetRequiredService<TActivity>();
        return activity.RunAsync(new ActivityContext(name, instanceId, function.CancellationToken), input);
    }
}
