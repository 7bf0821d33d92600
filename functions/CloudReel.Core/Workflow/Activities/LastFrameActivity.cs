using System.Security.Cryptography;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// The last frame of a clip, kept in the store beside it (<see cref="StoreLayout.ClipLastFrame"/>) as the
/// first frame of the next shot of its sequence. Taken once per clip; a frame already kept is reused.
/// </summary>
public sealed class LastFrameActivity(IClipStore store, IClipFrames frames, IScratchSpace scratch, IHostApplicationLifetime host)
    : TaskActivity<PreviousClip, ReferenceImage>
{
    public override async Task<ReferenceImage> RunAsync(TaskActivityContext context, PreviousClip previous)
    {
        var cancellation = host.ApplicationStopping;
        var name = StoreLayout.ClipLastFrame(previous.ContentKey);
        if (!await store.ExistsAsync(name, cancellation))
        {
            var clip = await store.GetLocalPathAsync(StoreLayout.Clip(previous.ContentKey), cancellation);
            using var directory = scratch.CreateDirectory("last-frame");
            await frames.LastFrameAsync(clip, directory.FilePath("last.png"), cancellation);
            await using var png = directory.OpenRead("last.png");
            await store.PutAsync(name, png, ContentTypes.Of(name), overwrite: false, cancellation);
        }

        await using var kept = await store.OpenReadAsync(name, cancellation);
        return new ReferenceImage(name, Convert.ToHexStringLower(await SHA256.HashDataAsync(kept, cancellation)));
    }
}
