using System.Globalization;

namespace CloudReel.Media.Ffmpeg;

/// <summary>
/// Text for filtergraphs: numbers in the invariant culture, and option values (file paths only:
/// user text never goes into a graph) escaped for both levels of FFmpeg's filtergraph parser.
/// </summary>
public static class FilterText
{
    /// <summary>A number with up to six decimals, dot as separator, no exponent.</summary>
    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Escapes a filter option value: first for the option parser (<c>\ ' :</c>), then for the
    /// filtergraph parser (<c>\ ' [ ] , ;</c>).
    /// </summary>
    public static string OptionValue(string value)
    {
        var optionLevel = EscapeChars(value, @"\':");
        return EscapeChars(optionLevel, @"\'[],;");
    }

    private static string EscapeChars(string value, string special)
    {
        var builder = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (special.Contains(c, StringComparison.Ordinal)) builder.Append('\\');
            builder.Append(c);
        }

        return builder.ToString();
    }
}
