using System.Globalization;

namespace CloudReel.Media.Probing;

/// <summary>Parses the number formats ffprobe prints: "12.345" seconds and "30000/1001" rates.</summary>
internal static class ProbeJson
{
    public static double? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    public static double? Rate(string? text)
    {
        if (text is null) return null;
        var parts = text.Split('/');
        if (parts.Length != 2) return Seconds(text);
        return double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var den)
            && den > 0 && num > 0
            ? num / den
            : null;
    }
}
