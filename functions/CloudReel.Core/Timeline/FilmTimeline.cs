using CloudReel.Core.Orders;

namespace CloudReel.Core.Timeline;

/// <summary>
/// The declarative timeline of a film: the single input of assembly, saved with the film. Time is
/// counted in frames of <see cref="Fps"/>, so lengths are exact: the film runs
/// sum(clip frames) − sum(transition frames).
/// </summary>
public sealed record FilmTimeline
{
    public required string FilmId { get; init; }

    public required string Title { get; init; }

    /// <summary>Base name of output files, e.g. "shanghai-in-clay".</summary>
    public required string OutputName { get; init; }

    public required int Fps { get; init; }

    /// <summary>The master aspect ratio (the order's first).</summary>
    public required AspectRatio Aspect { get; init; }

    /// <summary>The master picture size.</summary>
    public required FrameSize Size { get; init; }

    /// <summary>The picture track: clips in order, each with the transition into the next.</summary>
    public required IReadOnlyList<TimelineClip> Clips { get; init; }

    /// <summary>Captions per language, timed on the film.</summary>
    public IReadOnlyList<CaptionTrack> Captions { get; init; } = [];

    /// <summary>The language burned into the picture; null burns none.</summary>
    public string? BurnedCaptionLanguage { get; init; }

    public int TotalFrames => Clips.Sum(c => c.Frames) - Clips.Sum(c => c.TransitionOut?.Frames ?? 0);

    public double TotalSeconds => (double)TotalFrames / Fps;

    /// <summary>The frame at which each clip starts on the film.</summary>
    public IReadOnlyList<int> ClipStartFrames()
    {
        var starts = new int[Clips.Count];
        for (var i = 1; i < Clips.Count; i++)
        {
            starts[i] = starts[i - 1] + Clips[i - 1].Frames - (Clips[i - 1].TransitionOut?.Frames ?? 0);
        }

        return starts;
    }
}

/// <summary>One clip on the picture track.</summary>
/// <param name="ShotId">The shot the clip shows.</param>
/// <param name="ClipName">The clip's name in the clip store.</param>
/// <param name="SourceInSeconds">Where in the source clip the shot starts.</param>
/// <param name="Frames">How long the clip runs on the film, including its transitions.</param>
/// <param name="TransitionOut">How it hands over to the next clip; null for the last, or a cut.</param>
/// <param name="HasAudio">Whether the source carries sound (silence is supplied otherwise).</param>
public sealed record TimelineClip(
    string ShotId,
    string ClipName,
    double SourceInSeconds,
    int Frames,
    TimelineTransition? TransitionOut,
    bool HasAudio);

public sealed record TimelineTransition(TransitionKind Kind, int Frames);

public sealed record CaptionTrack(string Language, IReadOnlyList<CaptionCue> Cues);

/// <summary>A caption on screen from <see cref="StartFrame"/> (inclusive) to <see cref="EndFrame"/> (exclusive).</summary>
public sealed record CaptionCue(int StartFrame, int EndFrame, string Text);
