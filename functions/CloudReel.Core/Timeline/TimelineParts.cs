using CloudReel.Core.Orders;

namespace CloudReel.Core.Timeline;

/// <summary>One film to write: an aspect ratio at its size, how it is reframed, its loudness and its safe area.</summary>
/// <param name="Aspect">The aspect ratio; it names the file (<c>&lt;name&gt;.16x9.mp4</c>).</param>
/// <param name="Size">The picture size.</param>
/// <param name="Reframe">How the master's picture is brought to this shape when they differ.</param>
/// <param name="LoudnessLufs">Integrated loudness (EBU R128) of the sound.</param>
/// <param name="SafeArea">Where captions, titles, the label and the logo may go.</param>
public sealed record TimelineRendition(AspectRatio Aspect, FrameSize Size, ReframeMode Reframe, double LoudnessLufs, SafeArea SafeArea);

/// <summary>
/// The part of the picture that stays visible and clear of platform controls, as shares of the
/// width (left, right) and height (top, bottom) kept free at each edge.
/// </summary>
public sealed record SafeArea(double Left, double Top, double Right, double Bottom)
{
    /// <summary>
    /// 16:9 keeps the 90 % title-safe area of television. 9:16 keeps clear of what short-video apps
    /// draw over the picture: the action buttons down the right and the caption, author and music
    /// bar across the bottom. 1:1 feeds keep a modest margin all round.
    /// </summary>
    public static SafeArea For(AspectRatio aspect) => aspect.Width.CompareTo(aspect.Height) switch
    {
        > 0 => new SafeArea(0.05, 0.05, 0.05, 0.05),
        < 0 => new SafeArea(0.06, 0.08, 0.14, 0.18),
        _ => new SafeArea(0.06, 0.06, 0.06, 0.08),
    };
}

/// <summary>The music bed: its store name and how it sits in the mix.</summary>
public sealed record TimelineMusic(string Name, MusicMix Mix);

/// <summary>The logo: its store name and where it is drawn.</summary>
public sealed record TimelineLogo(string Name, LogoPlacement Placement);

/// <summary>The visible AI-content label and the spans of the film it is on screen.</summary>
public sealed record TimelineLabel(string Text, Corner Position, IReadOnlyList<FrameSpan> Spans);

/// <summary>Frames <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive) of the film.</summary>
public sealed record FrameSpan(int Start, int End)
{
    public int Frames => End - Start;
}
