using System.Security.Cryptography;
using CloudReel.Core.Media;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Files a shot's own clip (the order's <c>clip</c>, staged with it) in the clip store under the content key
/// of its bytes, with its record, as a generated clip is filed: probed first (a clip that does not decode never
/// enters the cache), the clip before its record. Nothing is sent to a model and nothing is paid. A clip
/// filed before, by any film, is used as it is.
/// </summary>
public sealed class TakeOwnClipActivity(IClipStore store, IMediaEngine media, IScratchSpace scratch, TimeProvider time, IHostApplicationLifetime host)
    : TaskActivity<OwnClipJob, ClipRecord>
{
    public override async Task<ClipRecord> RunAsync(TaskActivityContext context, OwnClipJob job)
    {
        var cancellation = host.ApplicationStopping;
        var own = job.Clip;
        if (await new CachedClips(store, time).FindAsync(own.ContentKey, cancellation) is { } filed) return filed;

        using var directory = scratch.CreateDirectory("own-clip");
        await using (var staged = await store.OpenReadAsync(own.File, cancellation))
        await using (var copy = directory.CreateFile("clip"))
        {
            await staged.CopyToAsync(copy, cancellation);
        }

        byte[] head = new byte[MediaSniffer.BytesNeeded];
        string sha256;
        long bytes;
        await using (var clip = directory.OpenRead("clip"))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(clip, cancellation));
            bytes = clip.Length;
            clip.Position = 0;
            await clip.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellation);
        }

        if (sha256 != own.Sha256) throw new InvalidOperationException($"The clip of shot {job.ShotId} ({own.File}) changed after the film was planned.");
        var probe = await media.ProbeAsync(directory.FilePath("clip"), cancellation);
        var record = new ClipRecord
        {
            ContentKey = own.ContentKey,
            Model = OwnClip.Maker,
            ModelVersion = "",
            Prompt = "",
            RequestedSeconds = probe.DurationSeconds,
            Sha256 = sha256,
            Bytes = bytes,
            Probe = probe,
            Cost = 0,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };

        await using (var clip = directory.OpenRead("clip"))
        {
            await store.PutAsync(StoreLayout.Clip(own.ContentKey), clip, MediaSniffer.VideoTypeOf(head) ?? "video/mp4", overwrite: false, cancellation);
        }

        await store.PutTextAsync(StoreLayout.ClipRecord(own.ContentKey), WorkflowJson.Serialize(record), "application/json", overwrite: false, cancellation);
        return record;
    }
}
