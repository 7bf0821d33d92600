namespace CloudReel.Core.Orders;

/// <summary>How one shot hands over to the next.</summary>
public sealed record TransitionSpec(TransitionKind Kind, double Seconds)
{
    public const double DefaultSeconds = 0.5;

    public static readonly TransitionSpec Default = new(TransitionKind.Crossfade, DefaultSeconds);

    public static readonly TransitionSpec Cut = new(TransitionKind.Cut, 0);

    /// <summary>Seconds the two shots overlap on screen (zero for a cut).</summary>
    public double OverlapSeconds => Kind == TransitionKind.Cut ? 0 : Seconds;
}

/// <summary>Transitions an order may name. Each maps onto one FFmpeg xfade transition.</summary>
public enum TransitionKind
{
    Cut,
    Crossfade,
    Dissolve,
    FadeBlack,
    FadeWhite,
    WipeLeft,
    WipeRight,
    WipeUp,
    WipeDown,
    SlideLeft,
    SlideRight,
    SlideUp,
    SlideDown,
    CircleOpen,
    CircleClose,
    Radial,
    ZoomIn,
}

/// <summary>The names orders use for transitions, and the FFmpeg xfade transition behind each.</summary>
public static class TransitionNames
{
    private static readonly (TransitionKind Kind, string Name, string Xfade)[] Table =
    [
        (TransitionKind.Cut, "cut", ""),
        (TransitionKind.Crossfade, "crossfade", "fade"),
        (TransitionKind.Dissolve, "dissolve", "dissolve"),
        (TransitionKind.FadeBlack, "fade-black", "fadeblack"),
        (TransitionKind.FadeWhite, "fade-white", "fadewhite"),
        (TransitionKind.WipeLeft, "wipe-left", "wipeleft"),
        (TransitionKind.WipeRight, "wipe-right", "wiperight"),
        (TransitionKind.WipeUp, "wipe-up", "wipeup"),
        (TransitionKind.WipeDown, "wipe-down", "wipedown"),
        (TransitionKind.SlideLeft, "slide-left", "slideleft"),
        (TransitionKind.SlideRight, "slide-right", "slideright"),
        (TransitionKind.SlideUp, "slide-up", "slideup"),
        (TransitionKind.SlideDown, "slide-down", "slidedown"),
        (TransitionKind.CircleOpen, "circle-open", "circleopen"),
        (TransitionKind.CircleClose, "circle-close", "circleclose"),
        (TransitionKind.Radial, "radial", "radial"),
        (TransitionKind.ZoomIn, "zoom-in", "zoomin"),
    ];

    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Name).ToArray();

    public static string NameOf(TransitionKind kind) => Table.First(t => t.Kind == kind).Name;

    /// <summary>The xfade transition name; empty for a cut.</summary>
    public static string XfadeOf(TransitionKind kind) => Table.First(t => t.Kind == kind).Xfade;

    public static bool TryParse(string name, out TransitionKind kind)
    {
        var match = Table.FirstOrDefault(t => t.Name == name);
        kind = match.Kind;
        return match.Name is not null;
    }
}
