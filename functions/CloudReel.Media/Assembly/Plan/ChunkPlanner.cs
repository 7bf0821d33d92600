using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly.Plan;

/// <summary>
/// Cuts a film into stretches that separate FFmpeg processes render, so that memory stays flat
/// however long the film is. A stretch ends where a clip stands alone (right after its incoming
/// transition), never inside a transition, so every transition is rendered whole by one process.
/// A transition at such a cut is a stretch of its own: a new take of one clip then re-encodes that
/// clip and the two transitions that show it, not the whole clip before it as well.
/// </summary>
internal static class ChunkPlanner
{
    public static IReadOnlyList<FilmChunk> Plan(FilmTimeline timeline, int maxClips)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClips, 1);
        var starts = timeline.ClipStartFrames();
        var cuts = new List<int> { 0 };
        var clipsInChunk = 0;
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            if (++clipsInChunk <= maxClips || i == 0) continue;
            var bodyStart = starts[i] + TimelineFacts.Incoming(timeline, i);
            // The body must not reach into the next transition, or the cut would split it.
            if (bodyStart >= starts[i] + timeline.Clips[i].Frames - TimelineFacts.Outgoing(timeline, i)) continue;
            if (bodyStart > starts[i] && starts[i] > cuts[^1] && StandsAloneBefore(timeline, starts, i)) cuts.Add(starts[i]);
            cuts.Add(bodyStart);
            clipsInChunk = 1;
        }

        cuts.Add(timeline.TotalFrames);
        return cuts.Zip(cuts.Skip(1)).Select(c => Window(timeline, c.First, c.Second)).ToList();
    }

    /// <summary>Whether the clip before clip <paramref name="i"/> is alone on screen just before the transition into clip <paramref name="i"/>.</summary>
    private static bool StandsAloneBefore(FilmTimeline timeline, IReadOnlyList<int> starts, int i) =>
        starts[i] >= starts[i - 1] + TimelineFacts.Incoming(timeline, i - 1);

    /// <summary>The clip stretches that make film frames [start, end); throws when a transition crosses either edge.</summary>
    public static FilmChunk Window(FilmTimeline timeline, int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(start, end);
        var starts = timeline.ClipStartFrames();
        var clips = new List<GraphClip>();
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            var (from, to) = (Math.Max(start, starts[i]), Math.Min(end, starts[i] + clip.Frames));
            if (from >= to) continue;
            var transition = TimelineFacts.Overlaps(clip.TransitionOut) && i + 1 < timeline.Clips.Count && starts[i + 1] < end ? clip.TransitionOut : null;
            clips.Add(new GraphClip(i, from - starts[i], to - from, transition));
        }

        CheckEdges(timeline, starts, start, end);
        return new FilmChunk(start, end - start, clips);
    }

    private static void CheckEdges(FilmTimeline timeline, IReadOnlyList<int> starts, int start, int end)
    {
        for (var i = 0; i + 1 < timeline.Clips.Count; i++)
        {
            var overlap = TimelineFacts.Outgoing(timeline, i);
            var (from, to) = (starts[i + 1], starts[i + 1] + overlap);
            if ((start > from && start < to) || (end > from && end < to))
            {
                throw new InvalidOperationException($"Frames {start}-{end} cut through the transition between clips {i + 1} and {i + 2} (frames {from}-{to}).");
            }
        }
    }
}
