using System.Text;
using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using CloudReel.Media.Text;

namespace CloudReel.Media.Assembly.Captions;

/// <summary>
/// Writes the .ass file one rendition burns in: captions (one language, or two stacked), titles and
/// the AI-content label, each in its own style sized and placed by <see cref="CaptionLayout"/>.
/// Lines are pre-wrapped by <see cref="LineWrapper"/> to the safe width; a caption that would still
/// take more than three lines is set smaller, so it is never cut off. User text is made inert.
/// A file can also be written for one stretch of film alone (<see cref="Build(FrameSpan)"/>): only
/// the events on screen in it, timed from its first frame, so that stretch can be rendered on its own.
/// </summary>
internal sealed class AssWriter(CaptionLayout layout, string fontFamily, int fps)
{
    private const int MaxCaptionLines = 3;
    private readonly List<(int Start, int End, string Style, string Text)> _events = [];
    private readonly FrameClock _clock = new(fps);
    private Corner _labelCorner = Corner.TopLeft;

    public bool HasEvents => _events.Count > 0;

    /// <summary>Whether any event is on screen during <paramref name="window"/>.</summary>
    public bool HasEventsIn(FrameSpan window) => _events.Any(e => e.Start < window.End && e.End > window.Start);

    /// <summary>One track burns alone; two burn as one block, a line of the first above a line of the second.</summary>
    public AssWriter Captions(IReadOnlyList<CaptionTrack> tracks, int filmFrames)
    {
        if (tracks.Count == 1)
        {
            foreach (var cue in CaptionCues.Prepare(tracks[0], filmFrames))
            {
                Event(cue.StartFrame, cue.EndFrame, "Caption", Block(cue.Lines, layout.CaptionFont));
            }
        }
        else if (tracks.Count >= 2)
        {
            foreach (var segment in BilingualCues.Merge(tracks[0], tracks[1], filmFrames))
            {
                var first = Block(segment.First, layout.CaptionFont);
                var second = Block(segment.Second, layout.SecondFont);
                var text = first.Length == 0 ? second : second.Length == 0 ? first : first + @"\N{\rCaption2}" + second;
                Event(segment.StartFrame, segment.EndFrame, first.Length == 0 ? "Caption2" : "Caption", text);
            }
        }

        return this;
    }

    public AssWriter Titles(IReadOnlyList<CaptionCue> titles, int filmFrames)
    {
        foreach (var cue in CaptionCues.Prepare(new CaptionTrack("titles", titles), filmFrames))
        {
            var lines = cue.Lines.SelectMany(l => LineWrapper.Wrap(l, layout.WrapUnits(layout.TitleFont))).Select(AssText.Inert);
            Event(cue.StartFrame, cue.EndFrame, "Title", string.Join(@"\N", lines));
        }

        return this;
    }

    public AssWriter Label(string text, Corner corner, IEnumerable<FrameSpan> spans)
    {
        _labelCorner = corner;
        foreach (var span in spans.Where(s => s.Frames > 0)) Event(span.Start, span.End, "Label", AssText.Inert(text.Trim()));
        return this;
    }

    /// <summary>The whole film's file.</summary>
    public string Build() => Build(new FrameSpan(0, int.MaxValue), shift: false);

    /// <summary>
    /// The file for the film frames of <paramref name="window"/> alone, on a clock that starts at its
    /// first frame: the events on screen in it, in the same order, clipped to it. What libass draws on
    /// those frames is what it draws there from the whole film's file, and nothing outside changes it.
    /// </summary>
    public string Build(FrameSpan window) => Build(window, shift: true);

    private string Build(FrameSpan window, bool shift)
    {
        var ass = new StringBuilder();
        ass.Append("[Script Info]\nScriptType: v4.00+\n");
        ass.Append(Invariant($"PlayResX: {layout.Size.Width}\nPlayResY: {layout.Size.Height}\n"));
        // Lines arrive wrapped; libass's own wrapping (style 0) is only a safety net for odd glyph widths.
        ass.Append("WrapStyle: 0\nScaledBorderAndShadow: yes\n\n");
        ass.Append("[V4+ Styles]\n");
        ass.Append("Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n");
        var (left, right, bottom) = (layout.MarginLeft, layout.MarginRight, layout.MarginBottom + layout.CaptionLift);
        Style(ass, "Caption", layout.CaptionFont, "&H00141414", 1, layout.Outline, layout.Shadow, 2, left, right, bottom);
        Style(ass, "Caption2", layout.SecondFont, "&H00141414", 1, layout.Outline, layout.Shadow, 2, left, right, bottom);
        Style(ass, "Title", layout.TitleFont, "&H00141414", 1, layout.Outline * 2, layout.Shadow, 5, left, right, 0);
        // The label sits on a translucent box (border style 3) so it reads on any picture.
        var pad = Math.Max(2, (int)Math.Round(layout.LabelFont * 0.15));
        var top = _labelCorner is Corner.TopLeft or Corner.TopRight;
        Style(ass, "Label", layout.LabelFont, "&H5A000000", 3, pad, 0, CaptionLayout.Alignment(_labelCorner),
            layout.MarginLeft + pad, layout.MarginRight + pad, (top ? layout.MarginTop : layout.MarginBottom) + pad);
        ass.Append("\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
        var origin = shift ? window.Start : 0;
        foreach (var (start, end, style, text) in _events.Where(e => e.Start < window.End && e.End > window.Start))
        {
            var (from, to) = shift ? (Math.Max(start, window.Start) - origin, Math.Min(end, window.End) - origin) : (start, end);
            ass.Append(Invariant($"Dialogue: 0,{AssText.Time(_clock.Centiseconds(from))},{AssText.Time(_clock.Centiseconds(to))},{style},,0,0,0,,"));
            ass.Append(text).Append('\n');
        }

        return ass.ToString();
    }

    /// <summary>Wrapped, inert caption lines at a size that keeps them to three lines.</summary>
    private string Block(IReadOnlyList<string> lines, int fontSize)
    {
        if (lines.Count == 0) return "";
        var size = fontSize;
        var wrapped = Wrap(lines, size);
        for (var scale = 0.9; wrapped.Count > MaxCaptionLines && scale >= 0.55; scale -= 0.1)
        {
            size = (int)Math.Round(fontSize * scale);
            wrapped = Wrap(lines, size);
        }

        var text = string.Join(@"\N", wrapped.Select(AssText.Inert));
        return size == fontSize ? text : Invariant($@"{{\fs{size}}}") + text;
    }

    private List<string> Wrap(IReadOnlyList<string> lines, int fontSize) =>
        lines.SelectMany(line => Balanced(line, layout.WrapUnits(fontSize))).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// Wraps to as few lines as the width allows, then as evenly as those lines allow: the narrowest
    /// width that still gives that many lines, so no line is left with a lone word or character.
    /// </summary>
    private static IReadOnlyList<string> Balanced(string line, int maxUnits)
    {
        var wrapped = LineWrapper.Wrap(line, maxUnits);
        if (wrapped.Count < 2) return wrapped;
        var total = Core.Text.DisplayWidth.Of(line);
        for (var units = Math.Max(2, total / wrapped.Count); units < maxUnits; units++)
        {
            var even = LineWrapper.Wrap(line, units);
            if (even.Count == wrapped.Count) return even;
        }

        return wrapped;
    }

    private void Event(int startFrame, int endFrame, string style, string text)
    {
        if (endFrame <= startFrame || text.Length == 0) return;
        _events.Add((startFrame, endFrame, style, text));
    }

    private void Style(StringBuilder ass, string name, int size, string outlineColour, int border, int outline, int shadow, int alignment, int left, int right, int vertical) =>
        ass.Append(Invariant($"Style: {name},{fontFamily},{size},&H00FFFFFF,&H000000FF,{outlineColour},&H99000000,0,0,0,0,100,100,0,0,{border},{outline},{shadow},{alignment},{left},{right},{vertical},1\n"));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
