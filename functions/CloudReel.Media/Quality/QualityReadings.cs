using System.Globalization;

namespace CloudReel.Media.Quality;

/// <summary>A stretch of a clip, in seconds.</summary>
internal sealed record TimeSpanInClip(double Start, double End)
{
    public double Length => End - Start;
}

/// <summary>
/// What FFmpeg's detectors found in one pass over a clip: frozen and black stretches of the
/// picture, the strongest scene change between two frames and where, and the silent stretches of
/// the sound. Read from the frame metadata the detectors attach (<c>metadata=mode=print</c>).
/// </summary>
internal sealed record QualityReadings(
    double Duration,
    IReadOnlyList<TimeSpanInClip> Frozen,
    IReadOnlyList<TimeSpanInClip> Black,
    double CutScore,
    double CutAt,
    bool HasAudio,
    IReadOnlyList<TimeSpanInClip> Silent)
{
    /// <summary>Reads the video and audio metadata logs; a stretch still open at the end runs to <paramref name="duration"/>.</summary>
    public static QualityReadings Parse(double duration, IEnumerable<string> videoLog, IEnumerable<string>? audioLog)
    {
        var frozen = new Spans(duration);
        var black = new Spans(duration);
        double cutScore = 0, cutAt = 0, time = 0;
        var frames = 0;
        foreach (var line in videoLog)
        {
            if (line.StartsWith("frame:", StringComparison.Ordinal))
            {
                time = FrameTime(line) ?? time;
                frames++;
                continue;
            }
            var (key, value) = KeyValue(line);
            switch (key)
            {
                case "lavfi.freezedetect.freeze_start": frozen.Open(value); break;
                case "lavfi.freezedetect.freeze_end": frozen.Close(value); break;
                case "lavfi.black_start": black.Open(value); break;
                case "lavfi.black_end": black.Close(value); break;
                // The first frame has nothing before it to change from.
                case "lavfi.scd.score" when frames > 1 && value > cutScore:
                    cutScore = value;
                    cutAt = time;
                    break;
            }
        }

        var silent = new Spans(duration);
        foreach (var line in audioLog ?? [])
        {
            var (key, value) = KeyValue(line);
            if (key == "lavfi.silence_start") silent.Open(value);
            else if (key == "lavfi.silence_end") silent.Close(value);
        }

        return new QualityReadings(duration, frozen.All(), black.All(), cutScore, cutAt, audioLog is not null, silent.All());
    }

    private static double? FrameTime(string line)
    {
        var at = line.IndexOf("pts_time:", StringComparison.Ordinal);
        if (at < 0) return null;
        var text = line[(at + "pts_time:".Length)..].Trim().Split(' ')[0];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static (string Key, double Value) KeyValue(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0) return ("", 0);
        var ok = double.TryParse(line[(equals + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        return (line[..equals].Trim(), ok ? value : double.NaN);
    }

    /// <summary>Stretches opened and closed in order; one left open runs to the end of the clip.</summary>
    private sealed class Spans(double duration)
    {
        private readonly List<TimeSpanInClip> _closed = [];
        private double? _open;

        public void Open(double start)
        {
            if (double.IsFinite(start)) _open ??= Math.Max(0, start);
        }

        public void Close(double end)
        {
            if (_open is { } start && double.IsFinite(end)) _closed.Add(new TimeSpanInClip(start, Math.Min(duration, end)));
            _open = null;
        }

        public IReadOnlyList<TimeSpanInClip> All() =>
            _open is { } start && start < duration ? [.. _closed, new TimeSpanInClip(start, duration)] : _closed;
    }
}
