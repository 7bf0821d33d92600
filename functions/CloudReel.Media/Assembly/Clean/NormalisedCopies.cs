using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Video;
using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Assembly.Clean;

/// <summary>
/// Finds or makes each clip's normalised copy for a profile. A copy is the whole source conformed
/// exactly as the renditions conform it, encoded to the profile; it is made once per clip and
/// profile and kept in the cache for every later film.
/// </summary>
internal sealed class NormalisedCopies(FfmpegRunner runner, AssemblyOptions options, INormalisedClipCache? cache)
{
    /// <summary>How many copies the last call found in the cache, and how many it made.</summary>
    public (int Found, int Made) LastCounts { get; private set; }

    /// <summary>The copy of every clip, in timeline order (a clip used twice shares its copy).</summary>
    public async Task<IReadOnlyList<NormalisedCopy>> EnsureAsync(
        FilmTimeline timeline, AssemblyInputs inputs, NormalisedProfile profile, string folder, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, NormalisedCopy>(StringComparer.Ordinal);
        var (found, made) = (0, 0);
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var name = timeline.Clips[i].ClipName;
            if (byName.ContainsKey(name)) continue;
            var cached = cache is null ? null : await cache.FindAsync(name, profile.Tag, cancellationToken);
            if (cached is not null)
            {
                byName[name] = new NormalisedCopy(cached, await CountFramesAsync(cached, cancellationToken));
                found++;
                continue;
            }

            var path = Path.Combine(folder, $"normalised-{byName.Count:D4}.mp4");
            var result = await runner.RunAsync(
            [
                "-y", "-i", inputs.Clips[i], "-map", "0:v:0",
                "-vf", ClipConform.Conform(profile.Size, profile.Fps), .. EncodeArguments.Normalised(profile, options), path,
            ], progress, cancellationToken);
            byName[name] = new NormalisedCopy(path, (int)(result.LastProgress?.Frame ?? await CountFramesAsync(path, cancellationToken)));
            if (cache is not null) await cache.StoreAsync(name, profile.Tag, path, cancellationToken);
            made++;
        }

        LastCounts = (found, made);
        return timeline.Clips.Select(c => byName[c.ClipName]).ToList();
    }

    /// <summary>Frames of a copy: from its MP4 index, else counted from its packets by ffprobe (no decoding either way).</summary>
    private async Task<int> CountFramesAsync(string path, CancellationToken cancellationToken)
    {
        if (Probing.Mp4SampleCount.VideoFrames(path) is { } frames) return frames;
        var output = await runner.ProbeAsync(["-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", path], cancellationToken);
        return int.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
