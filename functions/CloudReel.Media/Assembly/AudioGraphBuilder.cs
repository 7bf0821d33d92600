using CloudReel.Core.Timeline;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly;

/// <summary>
/// Builds the sound graph of a film, for its own FFmpeg process: each clip with sound trimmed to
/// its window, faded over its transitions, delayed to its place, and mixed over a silent bed of
/// the film's exact length. No acrossfade chain: it buffers whole streams (see assembly.md §2).
/// </summary>
internal static class AudioGraphBuilder
{
    public static FilterGraph Build(FilmTimeline timeline, IReadOnlyList<string> clipPaths)
    {
        var clock = new FrameClock(timeline.Fps);
        var starts = timeline.ClipStartFrames();
        var inputs = new List<string>();
        var chains = new List<string>();
        var mixed = new List<string>();
        var bed = $"anullsrc=r={Number(FrameClock.SampleRate)}:cl=stereo,atrim=end_sample={Number(clock.Sample(timeline.TotalFrames))}";

        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            if (!clip.HasAudio) continue;
            var input = mixed.Count;
            inputs.AddRange(["-i", clipPaths[i]]);
            var fadeInFrames = i > 0 && TimelineCheck.Overlaps(timeline.Clips[i - 1].TransitionOut) ? timeline.Clips[i - 1].TransitionOut!.Frames : 0;
            var fadeOutFrames = TimelineCheck.Overlaps(clip.TransitionOut) ? clip.TransitionOut!.Frames : 0;
            var label = $"a{Number(i)}";
            chains.Add($"[{Number(input)}:a:0]{Window(clock, clip, starts[i], fadeInFrames, fadeOutFrames)}[{label}]");
            mixed.Add(label);
        }

        if (mixed.Count == 0)
        {
            chains.Add($"{bed}[film]");
        }
        else
        {
            chains.Add($"{bed}[bed]");
            chains.Add($"[bed]{string.Concat(mixed.Select(l => $"[{l}]"))}amix=inputs={Number(mixed.Count + 1)}:normalize=0:duration=first[film]");
        }

        return new FilterGraph(inputs, string.Join(";", chains), "film");
    }

    /// <summary>
    /// One clip's sound on the film: 48 kHz stereo, from its in-point for exactly its length in
    /// samples (silence-padded when the source is short), equal-power fades, delayed to its start.
    /// </summary>
    private static string Window(FrameClock clock, TimelineClip clip, int startFrame, int fadeInFrames, int fadeOutFrames)
    {
        var start = clock.Sample(startFrame);
        var end = clock.Sample(startFrame + clip.Frames);
        var length = end - start;
        var sourceIn = (long)Math.Round(clip.SourceInSeconds * FrameClock.SampleRate);
        var parts = new List<string>
        {
            $"aresample={Number(FrameClock.SampleRate)}",
            "aformat=sample_fmts=fltp:channel_layouts=stereo",
            $"atrim=start_sample={Number(sourceIn)}",
            "asetpts=PTS-STARTPTS",
            $"apad=whole_len={Number(length)}",
            $"atrim=end_sample={Number(length)}",
        };
        if (fadeInFrames > 0)
        {
            parts.Add($"afade=t=in:ss=0:ns={Number(clock.Sample(startFrame + fadeInFrames) - start)}:curve=qsin");
        }

        if (fadeOutFrames > 0)
        {
            var fadeStart = clock.Sample(startFrame + clip.Frames - fadeOutFrames) - start;
            parts.Add($"afade=t=out:ss={Number(fadeStart)}:ns={Number(length - fadeStart)}:curve=qsin");
        }

        if (start > 0) parts.Add($"adelay=delays={Number(start)}S:all=1");
        return string.Join(",", parts);
    }
}
