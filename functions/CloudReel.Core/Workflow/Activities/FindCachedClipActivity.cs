using CloudReel.Core.Models;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Looks a clip up by content key: a hit costs nothing and is shared by every film.</summary>
public sealed class FindCachedClipActivity(IClipStore store) : Activity<string, ClipRecord?>
{
    public override async Task<ClipRecord?> RunAsync(ActivityContext context, string contentKey)
    {
        var recordName = StoreLayout.ClipRecord(contentKey);
        if (!await store.ExistsAsync(StoreLayout.Clip(contentKey), context.CancellationToken)
            || !await store.ExistsAsync(recordName, context.CancellationToken))
        {
            return null;
        }

        return WorkflowJson.Deserialize<ClipRecord>(await store.ReadTextAsync(recordName, context.CancellationToken));
    }
}
