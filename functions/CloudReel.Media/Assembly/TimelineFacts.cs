using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly;

/// <summary>Facts about a timeline that several builders need, said once.</summary>
internal static class TimelineFacts
{
    /// <summary>Whether a clip hands over with an overlap (xfade) rather than a cut.</summary>
    public static bool Overlaps(TimelineTransition? transition) =>
        transition is { Kind: not TransitionKind.Cut, Frames: > 0 };

    /// <summary>Frames clip <paramref name="index"/> shares with the next clip.</summary>
    public static int Outgoing(FilmTimeline timeline, int index) =>
        Overlaps(timeline.Clips[index].TransitionOut) ? timeline.Clips[index].TransitionOut!.Frames : 0;

    /// <summary>Frames clip <paramref name="index"/> shares with the clip before it.</summary>
    public static int Incoming(FilmTimeline timeline, int index) => index > 0 ? Outgoing(timeline, index - 1) : 0;

    /// <summary>The source frame (on the film's clock) a clip starts at.</summary>
    public static int SourceStart(TimelineClip clip, int fps) => (int)Math.Round(clip.SourceInSeconds * fps, MidpointRounding.AwayFromZero);

    /// <summary>Each clip's span on screen from mid incoming transition to mid outgoing one: where its voice-over starts.</summary>
    public static int AloneFrom(FilmTimeline timeline, int index) => timeline.ClipStartFrames()[index] + (Incoming(timeline, index) / 2);
}
