using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly;

/// <summary>
/// Builds the picture graph of a film: every clip normalised inline to the timeline's size, rate
/// and pixel format and cut to exactly its frames, then joined in order with <c>xfade</c> for
/// transitions and <c>concat</c> for cuts, then captions burned in when asked.
/// </summary>
internal static class VideoGraphBuilder
{
    public static FilterGraph Build(FilmTimeline timeline, IReadOnlyList<string> clipPaths, string? burnedCaptionsAss)
    {
        var inputs = new List<string>();
        var chains = new List<string>();
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            if (clip.SourceInSeconds > 0) inputs.AddRange(["-ss", Number(clip.SourceInSeconds)]);
            inputs.AddRange(["-i", clipPaths[i]]);
            chains.Add($"[{Number(i)}:v:0]{Normalise(timeline, clip.Frames)}[c{Number(i)}]");
        }

        var join = new Joiner(timeline.Fps);
        var film = join.Run(timeline, chains);
        if (burnedCaptionsAss is not null)
        {
            chains.Add($"[{film}]subtitles=filename={OptionValue(burnedCaptionsAss)}[burned]");
            film = "burned";
        }

        return new FilterGraph(inputs, string.Join(";", chains), film);
    }

    /// <summary>
    /// One clip's normalisation: constant frame rate first (VFR sources), fit inside the frame by
    /// display aspect (so non-square pixels come out right), pad, square pixels, 4:2:0, pad a short
    /// clip by repeating its last frame, cut to exactly <paramref name="frames"/>, renumber.
    /// </summary>
    public static string Normalise(FilmTimeline timeline, int frames)
    {
        var (w, h, fps) = (Number(timeline.Size.Width), Number(timeline.Size.Height), Number(timeline.Fps));
        var wider = $"gt(dar,{w}/{h})";
        return $"setpts=PTS-STARTPTS,fps={fps}," +
            $"scale=w='if({wider},{w},max(2,2*round({h}*dar/2)))':h='if({wider},max(2,2*round({w}/dar/2)),{h})'," +
            $"setsar=1,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color=black,format=yuv420p," +
            $"tpad=stop_mode=clone:stop={Number(frames)},trim=end_frame={Number(frames)},{Renumber(fps)}";
    }

    // Exact timestamps (frame n at n/fps) after every step keep xfade offsets and concat joins exact.
    private static string Renumber(string fps) => $"setpts=N/({fps}*TB)";

    /// <summary>Joins normalised clips in order: runs of cuts become one concat, overlaps become xfades.</summary>
    private sealed class Joiner(int fps)
    {
        private int _next;

        public string Run(FilmTimeline timeline, List<string> chains)
        {
            var pending = new List<string> { "c0" };
            long filmFrames = timeline.Clips[0].Frames;
            for (var i = 1; i < timeline.Clips.Count; i++)
            {
                var transition = timeline.Clips[i - 1].TransitionOut;
                var clip = $"c{Number(i)}";
                if (!TimelineCheck.Overlaps(transition))
                {
                    pending.Add(clip);
                    filmFrames += timeline.Clips[i].Frames;
                    continue;
                }

                var before = Concat(pending, chains);
                var label = Label("x");
                var offset = filmFrames - transition!.Frames;
                chains.Add($"[{before}][{clip}]xfade=transition={TransitionNames.XfadeOf(transition.Kind)}" +
                    $":duration={Number((double)transition.Frames / fps)}:offset={Number((double)offset / fps)},{Renumber(Number(fps))}[{label}]");
                pending = [label];
                filmFrames += timeline.Clips[i].Frames - transition.Frames;
            }

            return Concat(pending, chains);
        }

        private string Concat(List<string> labels, List<string> chains)
        {
            if (labels.Count == 1) return labels[0];
            var label = Label("j");
            // concat hands out microsecond timestamps; fps puts the join back on the film's clock.
            chains.Add($"{string.Concat(labels.Select(l => $"[{l}]"))}concat=n={Number(labels.Count)}:v=1:a=0," +
                $"fps={Number(fps)},{Renumber(Number(fps))}[{label}]");
            return label;
        }

        private string Label(string prefix) => $"{prefix}{Number(_next++)}";
    }
}
