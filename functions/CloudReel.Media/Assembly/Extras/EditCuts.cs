using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly.Extras;

/// <summary>Where one clip sits on an editor's track once every overlap is turned into a cut: film frames it covers and the source frame it starts at.</summary>
/// <param name="FilmStart">The first film frame the clip covers alone.</param>
/// <param name="Frames">How many film frames it covers.</param>
/// <param name="SourceStart">The frame of its source (on the film's clock) it starts with.</param>
/// <param name="TransitionFrames">The overlap with the next clip, now a transition around the cut after this clip (0 for a cut).</param>
internal sealed record EditCut(int FilmStart, int Frames, int SourceStart, int TransitionFrames);

/// <summary>
/// Editors (OTIO, Jianying, CapCut) keep clips end to end on a track, with transitions that borrow
/// handles across a cut. Each overlap of the film becomes a cut in its middle: the clips then add up
/// to exactly the film's length, and each transition takes its frames from beyond the cut.
/// </summary>
internal static class EditCuts
{
    public static IReadOnlyList<EditCut> Of(FilmTimeline timeline)
    {
        var starts = timeline.ClipStartFrames();
        var cuts = new List<EditCut>();
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            var (cutIn, cutOut) = (Halves(timeline, i - 1).Before, Halves(timeline, i).Before);
            cuts.Add(new EditCut(
                starts[i] + cutIn,
                clip.Frames - cutIn - TimelineFacts.Outgoing(timeline, i) + cutOut,
                TimelineFacts.SourceStart(clip, timeline.Fps) + cutIn,
                i + 1 < timeline.Clips.Count ? TimelineFacts.Outgoing(timeline, i) : 0));
        }
        return cuts;
    }

    /// <summary>An overlap split at its middle: frames before the cut (from the outgoing clip) and after it (from the incoming one).</summary>
    public static (int Before, int After) Halves(FilmTimeline timeline, int index)
    {
        if (index < 0) return (0, 0);
        var overlap = TimelineFacts.Outgoing(timeline, index);
        return (overlap - (overlap / 2), overlap / 2);
    }
}
