using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly.Captions;

/// <summary>
/// Sizes and margins of everything drawn as text on one rendition, from its picture size and safe
/// area. Sizes follow the picture's short side, so a 9:16 rendition gets the same type as a 16:9 one.
/// </summary>
internal sealed record CaptionLayout
{
    /// <summary>Display units (half a CJK character) per em: a generous average for Latin text.</summary>
    public const double EmPerUnit = 0.55;

    private const double CaptionShare = 0.055;
    private const double SecondShare = 0.042;
    private const double TitleShare = 0.085;

    // Noto Sans CJK's ideographs are drawn 0.64 of the ASS font size tall, so 9 % of the short side
    // gives ~5.8 %: GB 45438-2025 §5.4 asks a video's label text for at least 5 %.
    private const double LabelShare = 0.09;

    public required FrameSize Size { get; init; }

    public required int CaptionFont { get; init; }

    public required int SecondFont { get; init; }

    public required int TitleFont { get; init; }

    public required int LabelFont { get; init; }

    public required int Outline { get; init; }

    public required int Shadow { get; init; }

    public required int MarginLeft { get; init; }

    public required int MarginRight { get; init; }

    public required int MarginTop { get; init; }

    public required int MarginBottom { get; init; }

    /// <summary>Extra room above the bottom margin for captions, when the label or logo sits in a bottom corner.</summary>
    public int CaptionLift { get; init; }

    public static CaptionLayout For(FrameSize size, SafeArea safe)
    {
        var shortSide = Math.Min(size.Width, size.Height);
        var caption = Math.Max(8, (int)Math.Round(shortSide * CaptionShare));
        var outline = Math.Max(1, (int)Math.Round(caption * 0.08));
        return new CaptionLayout
        {
            Size = size,
            CaptionFont = caption,
            SecondFont = Math.Max(7, (int)Math.Round(shortSide * SecondShare)),
            TitleFont = Math.Max(10, (int)Math.Round(shortSide * TitleShare)),
            LabelFont = Math.Max(10, (int)Math.Ceiling(shortSide * LabelShare)),
            Outline = outline,
            Shadow = Math.Max(1, (int)Math.Round(caption * 0.05)),
            MarginLeft = (int)Math.Ceiling(size.Width * safe.Left),
            MarginRight = (int)Math.Ceiling(size.Width * safe.Right),
            MarginTop = (int)Math.Ceiling(size.Height * safe.Top),
            MarginBottom = (int)Math.Ceiling(size.Height * safe.Bottom) + outline,
        };
    }

    /// <summary>How many display units of text fit on one line at <paramref name="fontSize"/>.</summary>
    public int WrapUnits(int fontSize) => Math.Max(2, (int)((Size.Width - MarginLeft - MarginRight) / (fontSize * EmPerUnit)));

    /// <summary>The ASS alignment (numpad layout) of a corner.</summary>
    public static int Alignment(Corner corner) => corner switch
    {
        Corner.TopLeft => 7,
        Corner.TopRight => 9,
        Corner.BottomLeft => 1,
        _ => 3,
    };
}
