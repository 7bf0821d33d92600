using System.Globalization;
using System.Text;
using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly.Captions;

/// <summary>
/// Writes caption tracks as SRT and WebVTT, timed from frames to the nearest millisecond.
/// Both keep user text inert: WebVTT escapes <c>&amp; &lt; &gt;</c>; SRT has no escapes, and players read
/// HTML tags and ASS override blocks in it, so <see cref="InertSrt"/> breaks them up.
/// </summary>
internal static class CaptionFileWriter
{
    public static string ToSrt(CaptionTrack track, int fps, int filmFrames)
    {
        var clock = new FrameClock(fps);
        var text = new StringBuilder();
        var number = 1;
        foreach (var cue in CaptionCues.Prepare(track, filmFrames))
        {
            text.Append(number++.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append(Time(clock.Milliseconds(cue.StartFrame), ',')).Append(" --> ").Append(Time(clock.Milliseconds(cue.EndFrame), ',')).Append('\n');
            foreach (var line in cue.Lines) text.Append(InertSrt(line)).Append('\n');
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// SRT text players take literally: a word joiner (invisible) after '&lt;' so no tag starts, after a
    /// backslash so no \N or \h is read; braces, which libass reads as an override block (hiding or
    /// moving the text) even when escaped, become their full-width forms.
    /// </summary>
    internal static string InertSrt(string line) => line
        .Replace("<", "<\u2060", StringComparison.Ordinal)
        .Replace("\\", "\\\u2060", StringComparison.Ordinal)
        .Replace('{', '\uFF5B')
        .Replace('}', '\uFF5D');

    public static string ToVtt(CaptionTrack track, int fps, int filmFrames)
    {
        var clock = new FrameClock(fps);
        var text = new StringBuilder("WEBVTT\n\n");
        var number = 1;
        foreach (var cue in CaptionCues.Prepare(track, filmFrames))
        {
            text.Append(number++.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append(Time(clock.Milliseconds(cue.StartFrame), '.')).Append(" --> ").Append(Time(clock.Milliseconds(cue.EndFrame), '.')).Append('\n');
            foreach (var line in cue.Lines) text.Append(EscapeVtt(line)).Append('\n');
            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Time(long milliseconds, char separator)
    {
        var t = TimeSpan.FromMilliseconds(milliseconds);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}{separator}{t.Milliseconds:000}");
    }

    private static string EscapeVtt(string line) => line
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
