using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly.Plan;

/// <summary>
/// A stretch of a timeline clip that one FFmpeg graph renders: from <see cref="Skip"/> frames into
/// the clip (on the film's clock) for <see cref="Frames"/> frames, handing over to the next stretch
/// with <see cref="TransitionOut"/> (null: a cut, or the end of the stretch of film).
/// </summary>
internal sealed record GraphClip(int ClipIndex, int Skip, int Frames, TimelineTransition? TransitionOut);

/// <summary>Film frames [<see cref="StartFrame"/>, <see cref="StartFrame"/> + <see cref="Frames"/>) and the clip stretches that make them.</summary>
internal sealed record FilmChunk(int StartFrame, int Frames, IReadOnlyList<GraphClip> Clips)
{
    public int EndFrame => StartFrame + Frames;
}
