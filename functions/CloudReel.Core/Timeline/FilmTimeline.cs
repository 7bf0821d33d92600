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

    /// <summary>Captions burned into the picture: none, one language, or two (bilingual: the first above the second).</summary>
    public IReadOnlyList<string> BurnedLanguages { get; init; } = [];

    /// <summary>Titles shown in the middle of the picture, timed on the film.</summary>
    public IReadOnlyList<CaptionCue> Titles { get; init; } = [];

    /// <summary>The films to write, one per aspect ratio; empty means the master alone.</summary>
    public IReadOnlyList<TimelineRendition> Renditions { get; init; } = [];

    public TimelineMusic? Music { get; init; }

    public TimelineLogo? Logo { get; init; }

    /// <summary>The visible AI-content label.</summary>
    public TimelineLabel? Label { get; init; }

    /// <summary>The implicit AI-content label written into each film's metadata.</summary>
    public AigcLabel? ImplicitLabel { get; init; }

    /// <summary>The film frame poster.jpg shows; null picks the sharpest frame.</summary>
    public int? PosterFrame { get; init; }

    /// <summary>Whether to write a clean master (nothing burned in) for editors.</summary>
    public bool CleanMaster { get; init; }

    /// <summary>
    /// A draft preview: the same cut, captions and sound, assembled at the media engine's draft
    /// profile (lower resolution, a fast preset, the master's rendition alone) and marked as a draft.
    /// </summary>
    public bool Draft { get; init; }

    public int TotalFrames => Clips.Sum(c => c.Frames) - Clips.Sum(c => c.TransitionOut?.Frames ?? 0);

    public double TotalSeconds => (double)TotalFrames / Fps;

    /// <summary>The renditions to write: <see cref="Renditions"/>, or the master alone when there are none.</summary>
    public IReadOnlyList<TimelineRendition> EffectiveRenditions() => Renditions.Count > 0
        ? Renditions
        : [new TimelineRendition(Aspect, Size, Orders.ReframeMode.Crop, Orders.LoudnessTarget.Streaming.Lufs, SafeArea.For(Aspect))];

    /// <summary>Store names of every file assembly reads: clips, voice-overs, music, logo; each once.</summary>
    public IReadOnlyList<string> StoreNames() => Clips.Select(c => c.ClipName)
        .Concat(Clips.Select(c => c.VoiceOver).OfType<string>())
        .Concat(new[] { Music?.Name, Logo?.Name }.OfType<string>())
        .Distinct(StringComparer.Ordinal)
        .ToList();

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
/// <param name="Focus">The point a crop to another aspect ratio keeps in view; the centre when null.</param>
/// <param name="VoiceOver">Store name of a voice-over that plays from the moment the clip is alone on screen.</param>
public sealed record TimelineClip(
    string ShotId,
    string ClipName,
    double SourceInSeconds,
    int Frames,
    TimelineTransition? TransitionOut,
    bool HasAudio,
    FocusPoint? Focus = null,
    string? VoiceOver = null);

public sealed record TimelineTransition(TransitionKind Kind, int Frames);

public sealed record CaptionTrack(string Language, IReadOnlyList<CaptionCue> Cues);

/// <summary>A caption on screen from <see cref="StartFrame"/> (inclusive) to <see cref="EndFrame"/> (exclusive).</summary>
public sealed record CaptionCue(int StartFrame, int EndFrame, string Text);
