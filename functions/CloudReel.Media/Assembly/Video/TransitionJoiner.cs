using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly.Video;

/// <summary>A conformed stretch ready to join: its pad label, its length, and how it hands over.</summary>
internal sealed record JoinPart(string Label, int Frames, TimelineTransition? TransitionOut);

/// <summary>
/// Joins conformed stretches in order: runs of cuts become one concat, overlaps become xfades at
/// offsets counted in frames, so the result runs exactly Σ frames − Σ overlaps.
/// </summary>
internal static class TransitionJoiner
{
    public static string Join(GraphText graph, IReadOnlyList<JoinPart> parts, int fps)
    {
        var pending = new List<string> { parts[0].Label };
        long frames = parts[0].Frames;
        for (var i = 1; i < parts.Count; i++)
        {
            var transition = parts[i - 1].TransitionOut;
            if (!TimelineFacts.Overlaps(transition))
            {
                pending.Add(parts[i].Label);
                frames += parts[i].Frames;
                continue;
            }

            var before = Concat(graph, pending, fps);
            var offset = frames - transition!.Frames;
            var joined = graph.Chain([before, parts[i].Label],
                $"xfade=transition={TransitionNames.XfadeOf(transition.Kind)}:duration={Number((double)transition.Frames / fps)}" +
                $":offset={Number((double)offset / fps)},{ClipConform.Renumber(fps)}", graph.Label("x"));
            pending = [joined];
            frames += parts[i].Frames - transition.Frames;
        }

        return Concat(graph, pending, fps);
    }

    private static string Concat(GraphText graph, List<string> labels, int fps) =>
        labels.Count == 1
            ? labels[0]
            // concat hands out microsecond timestamps: renumbering puts the join back on the film's clock
            // (every part is already one frame per 1/fps). An fps filter here dropped the last frame of the
            // join when an xfade followed, so the transition after it ended a frame early.
            : graph.Chain(labels, $"concat=n={Number(labels.Count)}:v=1:a=0,settb=1/{Number(fps)},{ClipConform.Renumber(fps)}", graph.Label("j"));
}
