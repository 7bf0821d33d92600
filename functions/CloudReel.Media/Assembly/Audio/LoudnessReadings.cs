using System.Globalization;
using System.Text.Json;

namespace CloudReel.Media.Assembly.Audio;

/// <summary>What loudnorm's first pass measured (EBU R128): integrated loudness, true peak, loudness range, gate threshold.</summary>
internal sealed record LoudnessMeasure(double IntegratedLufs, double TruePeakDbtp, double RangeLu, double ThresholdLufs)
{
    /// <summary>Below this the mix is silence: there is nothing to normalise.</summary>
    public bool IsSilent => IntegratedLufs < -60;
}

/// <summary>Reads the reports loudnorm and ebur128 write on stderr, told apart by their instance names.</summary>
internal static class LoudnessReadings
{
    /// <summary>The JSON block loudnorm prints after "[loudnorm@<paramref name="instance"/> @ 0x…]".</summary>
    public static LoudnessMeasure Loudnorm(IReadOnlyList<string> stderr, string instance)
    {
        var start = stderr.ToList().FindIndex(l => l.Contains($"[loudnorm@{instance} @", StringComparison.Ordinal));
        if (start < 0) throw new InvalidOperationException($"loudnorm@{instance} printed no measurement.");
        var json = new List<string>();
        foreach (var line in stderr.Skip(start + 1))
        {
            json.Add(line);
            if (line.TrimStart().StartsWith('}')) break;
        }

        using var document = JsonDocument.Parse(string.Join('\n', json));
        var root = document.RootElement;
        return new LoudnessMeasure(Read(root, "input_i"), Read(root, "input_tp"), Read(root, "input_lra"), Read(root, "input_thresh"));
    }

    /// <summary>The integrated loudness in the summary of "[ebur128@<paramref name="instance"/> @ 0x…] Summary:".</summary>
    public static double Integrated(IReadOnlyList<string> stderr, string instance)
    {
        var start = stderr.ToList().FindIndex(l => l.Contains($"[ebur128@{instance} @", StringComparison.Ordinal) && l.Contains("Summary", StringComparison.Ordinal));
        if (start < 0) throw new InvalidOperationException($"ebur128@{instance} printed no summary.");
        var line = stderr.Skip(start + 1).First(l => l.TrimStart().StartsWith("I:", StringComparison.Ordinal));
        return ParseNumber(line.Trim()[2..].Replace("LUFS", "", StringComparison.Ordinal));
    }

    private static double Read(JsonElement root, string name) => ParseNumber(root.GetProperty(name).GetString()!);

    /// <summary>Numbers as FFmpeg prints them, "-inf" for silence included.</summary>
    private static double ParseNumber(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith("inf", StringComparison.OrdinalIgnoreCase)) return trimmed.StartsWith('-') ? -99 : 99;
        return double.Parse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
