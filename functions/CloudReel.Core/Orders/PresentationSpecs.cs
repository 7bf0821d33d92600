namespace CloudReel.Core.Orders;

/// <summary>A corner of the picture, inside its safe area.</summary>
public enum Corner
{
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

/// <summary>Which captions are burned into the picture (every language is always written as .srt and .vtt).</summary>
public enum CaptionStyle
{
    /// <summary>The first language.</summary>
    Single,

    /// <summary>The first two languages, one line of each, the first above the second.</summary>
    Bilingual,

    /// <summary>None: captions only as files.</summary>
    None,
}

/// <summary>When the visible AI-content label is on screen.</summary>
public enum LabelShow
{
    /// <summary>At the start only: what the labelling rules require.</summary>
    Start,

    /// <summary>At the start and again at the end.</summary>
    StartEnd,

    /// <summary>For the whole film.</summary>
    Always,
}

/// <summary>How the music bed sits in the mix.</summary>
/// <param name="Volume">Gain on top of the automatic level, 0–1.</param>
/// <param name="FadeInSeconds">Fade-in at the start of the film.</param>
/// <param name="FadeOutSeconds">Fade-out at the end of the film.</param>
/// <param name="Loop">Repeat music shorter than the film (else silence after it ends).</param>
/// <param name="Duck">Dip the music under voice-overs and under clips with their own sound.</param>
public sealed record MusicMix(double Volume = 1, double FadeInSeconds = 1, double FadeOutSeconds = 2, bool Loop = true, bool Duck = true)
{
    public static readonly MusicMix Default = new();
}

/// <summary>Where and how the logo is drawn.</summary>
/// <param name="Position">The corner, inside the safe area.</param>
/// <param name="Width">Width as a share of the picture's width.</param>
/// <param name="Opacity">0.1 (faint) to 1 (solid).</param>
public sealed record LogoPlacement(Corner Position = Corner.TopRight, double Width = 0.12, double Opacity = 0.85)
{
    public static readonly LogoPlacement Default = new();
}

/// <summary>Where and when the visible AI-content label is drawn.</summary>
/// <param name="Position">The corner, inside the safe area.</param>
/// <param name="Show">When it is on screen.</param>
/// <param name="Seconds">How long each appearance lasts; the rules ask for at least 2 s.</param>
public sealed record LabelDisplay(Corner Position = Corner.TopLeft, LabelShow Show = LabelShow.StartEnd, double Seconds = 3)
{
    public const double MinSeconds = 2;

    public static readonly LabelDisplay Default = new();
}

/// <summary>The frame poster.jpg shows: a shot, and how far into it (its middle when not given).</summary>
public sealed record PosterChoice(string ShotId, double? AtSeconds = null);

/// <summary>The point of a shot a crop keeps in view, from 0 (left, top) to 1 (right, bottom).</summary>
public sealed record FocusPoint(double X = 0.5, double Y = 0.5)
{
    public static readonly FocusPoint Centre = new();
}
