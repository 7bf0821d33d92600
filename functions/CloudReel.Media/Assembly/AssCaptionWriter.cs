using System.Text;
using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using CloudReel.Media.Text;

namespace CloudReel.Media.Assembly;

/// <summary>
/// Writes the .ass file the <c>subtitles</c> filter burns in: the CJK font at about 5.5 % of the
/// picture height, white with a dark outline and shadow, bottom-centred inside the 90 % title-safe
/// area, lines pre-wrapped by <see cref="LineWrapper"/>, and user text made inert so that ASS
/// override codes in it render as the characters they are.
/// </summary>
internal static class AssCaptionWriter
{
    private const double FontShare = 0.055;
    private const double SafeMargin = 0.05;
    private const double EmPerUnit = 0.55;

    public static string Write(CaptionTrack track, FrameSize size, int fps, int filmFrames, string fontFamily)
    {
        var fontSize = Math.Max(8, (int)Math.Round(size.Height * FontShare));
        var outline = Math.Max(1, (int)Math.Round(fontSize * 0.08));
        var shadow = Math.Max(1, (int)Math.Round(fontSize * 0.05));
        var marginX = (int)Math.Ceiling(size.Width * SafeMargin);
        var marginY = (int)Math.Ceiling(size.Height * SafeMargin) + outline;
        var units = Math.Max(2, (int)((size.Width - 2 * marginX) / (fontSize * EmPerUnit)));
        var clock = new FrameClock(fps);

        var ass = new StringBuilder();
        ass.Append("[Script Info]\nScriptType: v4.00+\n");
        ass.Append(Invariant($"PlayResX: {size.Width}\nPlayResY: {size.Height}\n"));
        // Lines arrive wrapped; libass's own wrapping (style 0) is only a safety net for odd glyph widths.
        ass.Append("WrapStyle: 0\nScaledBorderAndShadow: yes\n\n");
        ass.Append("[V4+ Styles]\n");
        ass.Append("Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n");
        ass.Append(Invariant($"Style: Caption,{fontFamily},{fontSize},&H00FFFFFF,&H000000FF,&H00141414,&H99000000,0,0,0,0,100,100,0,0,1,{outline},{shadow},2,{marginX},{marginX},{marginY},1\n\n"));
        ass.Append("[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
        foreach (var cue in CaptionCues.Prepare(track, filmFrames))
        {
            var lines = cue.Lines.SelectMany(line => LineWrapper.Wrap(line, units)).Select(Inert);
            ass.Append(Invariant($"Dialogue: 0,{Time(clock.Centiseconds(cue.StartFrame))},{Time(clock.Centiseconds(cue.EndFrame))},Caption,,0,0,0,,"));
            ass.Append(string.Join(@"\N", lines)).Append('\n');
        }

        return ass.ToString();
    }

    /// <summary>
    /// Makes user text literal for libass: braces become the escapes <c>\{ \}</c> (else they open an
    /// override block) and a backslash before N, n or h gets an invisible word joiner after it (else it
    /// is a line break or hard space).
    /// </summary>
    public static string Inert(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '{' or '}':
                    result.Append('\\').Append(c);
                    break;
                case '\\' when i + 1 < text.Length && text[i + 1] is 'N' or 'n' or 'h':
                    result.Append('\\').Append('\u2060');
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    private static string Time(long centiseconds)
    {
        var t = TimeSpan.FromMilliseconds(centiseconds * 10);
        return Invariant($"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds / 10:00}");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
