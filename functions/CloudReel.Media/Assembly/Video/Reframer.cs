using System.Text;
using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Plan;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly.Video;

/// <summary>
/// Brings the master's picture to a rendition's shape and size. Crop keeps a window of the new
/// shape around each shot's focus point, gliding from one shot's point to the next across their
/// transition (a jump at a cut); blur fits the whole picture over a blurred, enlarged copy of itself.
/// </summary>
internal static class Reframer
{
    /// <summary>Adds the reframing of <paramref name="input"/> and returns the reframed label (the input itself when nothing changes).</summary>
    public static string Apply(GraphText graph, string input, FilmTimeline timeline, TimelineRendition rendition, FilmChunk chunk)
    {
        var (master, size) = (timeline.Size, rendition.Size);
        if (master == size) return input;
        if (Math.Abs(master.Ratio - size.Ratio) < 0.01) return graph.Chain(input, $"scale={Number(size.Width)}:{Number(size.Height)},setsar=1");
        return rendition.Reframe == ReframeMode.Blur ? Blur(graph, input, size) : Crop(graph, input, timeline, size, chunk);
    }

    private static string Crop(GraphText graph, string input, FilmTimeline timeline, FrameSize size, FilmChunk chunk)
    {
        var master = timeline.Size;
        var narrower = size.Ratio < master.Ratio;
        var (cw, ch) = narrower
            ? (Even(Math.Min(master.Width, master.Height * size.Ratio)), master.Height)
            : (master.Width, Even(Math.Min(master.Height, master.Width / size.Ratio)));
        var positions = timeline.Clips.Select(c =>
        {
            var focus = c.Focus ?? FocusPoint.Centre;
            return narrower
                ? Even(Math.Clamp((focus.X * master.Width) - (cw / 2.0), 0, master.Width - cw))
                : Even(Math.Clamp((focus.Y * master.Height) - (ch / 2.0), 0, master.Height - ch));
        }).ToList();
        var moving = Path(timeline, positions, chunk);
        var (x, y) = narrower ? (moving, "0") : ("0", moving);
        return graph.Chain(input, $"crop=w={Number(cw)}:h={Number(ch)}:x='{x}':y='{y}',scale={Number(size.Width)}:{Number(size.Height)},setsar=1");
    }

    /// <summary>
    /// The window's position as an expression of the frame number n: the first shot's position plus,
    /// for each later shot, the step to its position, ramped over the transition into it. Steps
    /// finished before this stretch of film are folded into the start; those after it are left out, so
    /// the expression says nothing about shots this stretch does not show.
    /// </summary>
    private static string Path(FilmTimeline timeline, IReadOnlyList<int> positions, FilmChunk chunk)
    {
        var chunkStart = chunk.StartFrame;
        var starts = timeline.ClipStartFrames();
        var expression = new StringBuilder();
        var start = positions[0];
        for (var i = 1; i < positions.Count; i++)
        {
            var step = positions[i] - positions[i - 1];
            var (from, frames) = (starts[i], TimelineFacts.Incoming(timeline, i));
            if (step == 0) continue;
            if (from + frames <= chunkStart)
            {
                start += step;
                continue;
            }

            var at = from - chunkStart;
            if (at >= chunk.Frames) break;
            expression.Append(frames == 0
                ? $"+{Number(step)}*gte(n,{Number(at)})"
                : $"+{Number(step)}*clip((n-{Number(at)})/{Number(frames)},0,1)");
        }

        return Number(start) + expression;
    }

    private static string Blur(GraphText graph, string input, FrameSize size)
    {
        var (w, h) = (Number(size.Width), Number(size.Height));
        var (bw, bh) = (Math.Max(2, Even(size.Width / 8.0)), Math.Max(2, Even(size.Height / 8.0)));
        // Blur a small copy and enlarge it: the same look as blurring at full size, at a sixty-fourth of the cost.
        var radius = Math.Max(1, Math.Min(bw, bh) / 6);
        var branches = graph.Split(input, 2);
        var background = graph.Chain(branches[0],
            $"scale={Number(bw)}:{Number(bh)}:force_original_aspect_ratio=increase,crop={Number(bw)}:{Number(bh)},boxblur={Number(radius)}:2,scale={w}:{h},setsar=1");
        var picture = graph.Chain(branches[1], $"scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2,setsar=1");
        return graph.Chain([background, picture], "overlay=x=(W-w)/2:y=(H-h)/2,format=yuv420p");
    }

    private static int Even(double value) => (int)Math.Floor(value / 2) * 2;
}
