using System.Globalization;

namespace CloudReel.Media.Assembly.Audio;

/// <summary>What the first pass measured (EBU R128): integrated loudness, true peak, loudness range, gate threshold.</summary>
internal sealed record LoudnessMeasure(double IntegratedLufs, double TruePeakDbtp, double RangeLu, double ThresholdLufs)
{
    /// <summary>Below this the mix is silence: there is nothing to normalise.</summary>
    public bool IsSilent => IntegratedLufs < -60;
}

/// <summary>Reads the summaries ebur128 writes on stderr, told apart by their instance names.</summary>
internal static class LoudnessReadings
{
    /// <summary>The integrated loudness in the summary of "[ebur128@<paramref name="instance"/> @ 0x…] Summary:".</summary>
    public static double Integrated(IReadOnlyList<string> stderr, string instance) => Summary(stderr, instance, "I:");

    /// <summary>
    /// Everything loudnorm's second pass needs, from ebur128's summary (run with peak=true): the
    /// integrated loudness and its gate threshold, the loudness range and the true peak.
    /// </summary>
    public static LoudnessMeasure EbuR128(IReadOnlyList<string> stderr, string instance) => new(
        Summary(stderr, instance, "I:"), Summary(stderr, instance, "Peak:"), Summary(stderr, instance, "LRA:"), Summary(stderr, instance, "Threshold:"));

    /// <summary>The first value labelled <paramref name="label"/> in the summary, in its unit (LUFS, LU or dBFS).</summary>
    private static double Summary(IReadOnlyList<string> stderr, string instance, string label)
    {
        // The last summary: FFmpeg may set a graph up once before the real run, and that one measured nothing.
        var start = stderr.ToList().FindLastIndex(l => l.Contains($"[ebur128@{instance} @", StringComparison.Ordinal) && l.Contains("Summary", StringComparison.Ordinal));
        if (start < 0) throw new InvalidOperationException($"ebur128@{instance} printed no summary.");
        var line = stderr.Skip(start + 1).First(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal));
        return ParseNumber(line.Trim()[label.Length..].Trim().Split(' ')[0]);
    }

    /// <summary>Numbers as FFmpeg prints them, "-inf" for silence included.</summary>
    private static double ParseNumber(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith("inf", StringComparison.OrdinalIgnoreCase)) return trimmed.StartsWith('-') ? -99 : 99;
        return double.Parse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
