using System.Globalization;

namespace CloudReel.Media.Ffmpeg;

/// <summary>One block of <c>-progress</c> output: frames written and output time so far.</summary>
public sealed record FfmpegProgress(long Frame, TimeSpan OutTime, bool IsEnd);

/// <summary>
/// Reads the key=value lines FFmpeg writes with <c>-progress pipe:1</c>; every block ends with a
/// <c>progress=continue|end</c> line, which is when a report is complete.
/// </summary>
internal sealed class FfmpegProgressParser
{
    private long _frame;
    private TimeSpan _outTime;

    public FfmpegProgress? Last { get; private set; }

    /// <summary>Feeds one line; returns the finished report when the line closes a block.</summary>
    public FfmpegProgress? Feed(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0) return null;
        var key = line[..equals].Trim();
        var value = line[(equals + 1)..].Trim();
        switch (key)
        {
            case "frame" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var frame):
                _frame = frame;
                break;
            case "out_time_us" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros) && micros >= 0:
                _outTime = TimeSpan.FromMicroseconds(micros);
                break;
            case "progress":
                Last = new FfmpegProgress(_frame, _outTime, value == "end");
                return Last;
        }

        return null;
    }
}
