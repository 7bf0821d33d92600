using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly.Captions;

/// <summary>A cue ready to write: on the film, inside it, with its text split into non-empty lines.</summary>
internal sealed record PreparedCue(int StartFrame, int EndFrame, IReadOnlyList<string> Lines);

/// <summary>
/// Puts a caption track in writing order: by start, clamped to the film, without empty cues.
/// Blank lines are dropped because in SRT and WebVTT a blank line ends the cue.
/// </summary>
internal static class CaptionCues
{
    public static IReadOnlyList<PreparedCue> Prepare(CaptionTrack track, int filmFrames) =>
        track.Cues
            .OrderBy(c => c.StartFrame)
            .Select(c => new PreparedCue(
                Math.Max(0, c.StartFrame),
                Math.Min(filmFrames, c.EndFrame),
                c.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
                    .Split('\n')
                    .Where(line => !string.IsNullOrWhiteSpace(line))
                    .ToList()))
            .Where(c => c.EndFrame > c.StartFrame && c.Lines.Count > 0)
            .ToList();
}
