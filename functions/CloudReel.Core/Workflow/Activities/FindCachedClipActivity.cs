using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Looks a clip up by content key: a hit costs nothing and is shared by every film.</summary>
public sealed class FindCachedClipActivity(IClipStore store, IHostApplicationLifetime host) : TaskActivity<string, ClipRecord?>
{
    public override async Task<ClipRecord?> RunAsync(TaskActivityContext context, string contentKey)
    {
        var recordName = StoreLayout.ClipRecord(contentKey);
        if (!await store.ExistsAsync(StoreLayout.Clip(contentKey), host.ApplicationStopping)
            || !await store.ExistsAsync(recordName, host.ApplicationStopping))
        {
            return null;
        }

        return WorkflowJson.Deserialize<ClipRecord>(await store.ReadTextAsync(recordName, host.ApplicationStopping));
    }
}
