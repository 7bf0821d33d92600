using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly.Captions;

/// <summary>A stretch of film with the same caption in each of two languages (either may be empty).</summary>
internal sealed record BilingualSegment(int StartFrame, int EndFrame, IReadOnlyList<string> First, IReadOnlyList<string> Second);

/// <summary>
/// Lines up two caption tracks for a two-line bilingual style. Usually both languages share every
/// cue; where they don't, the film is cut at every cue edge of either track, so each stretch shows
/// exactly the captions on screen in both.
/// </summary>
internal static class BilingualCues
{
    public static IReadOnlyList<BilingualSegment> Merge(CaptionTrack first, CaptionTrack second, int filmFrames)
    {
        var a = CaptionCues.Prepare(first, filmFrames);
        var b = CaptionCues.Prepare(second, filmFrames);
        var edges = a.Concat(b).SelectMany(c => new[] { c.StartFrame, c.EndFrame }).Distinct().Order().ToList();
        var segments = new List<BilingualSegment>();
        foreach (var (start, end) in edges.Zip(edges.Skip(1)))
        {
            var (lines1, lines2) = (LinesAt(a, start), LinesAt(b, start));
            if (lines1.Count == 0 && lines2.Count == 0) continue;
            if (segments.Count > 0 && segments[^1].EndFrame == start && segments[^1].First.SequenceEqual(lines1) && segments[^1].Second.SequenceEqual(lines2))
            {
                segments[^1] = segments[^1] with { EndFrame = end };
                continue;
            }

            segments.Add(new BilingualSegment(start, end, lines1, lines2));
        }

        return segments;
    }

    private static List<string> LinesAt(IReadOnlyList<PreparedCue> cues, int frame) =>
        cues.Where(c => c.StartFrame <= frame && frame < c.EndFrame).SelectMany(c => c.Lines).ToList();
}
