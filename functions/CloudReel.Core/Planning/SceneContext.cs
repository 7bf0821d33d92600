using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudReel.Core.Planning;

/// <summary>
/// A scene heading made readable for a prompt: "EXT. THE BUND WATERFRONT - DUSK" becomes
/// "Exterior, the Bund Waterfront, dusk".
/// </summary>
internal sealed partial record SceneContext(string Place, string Location, string Time)
{
    public static readonly SceneContext None = new("", "", "");

    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "on", "in", "at", "to", "by", "and", "or", "for", "with", "from", "near",
    };

    private static readonly HashSet<string> TimesOfDay = new(StringComparer.OrdinalIgnoreCase)
    {
        "day", "night", "dawn", "dusk", "morning", "evening", "afternoon", "noon", "midnight",
        "sunset", "sunrise", "twilight", "later", "continuous", "same", "moments later", "same time",
    };

    private static readonly HashSet<string> TimesLeftOut = new(StringComparer.OrdinalIgnoreCase)
    {
        "later", "continuous", "same", "moments later", "same time",
    };

    public string Describe() => string.Join(", ", new[] { Place, Location, Time }.Where(p => p.Length > 0));

    public static SceneContext FromHeading(string heading)
    {
        var match = Prefix().Match(heading.Trim());
        var place = match.Success ? PlaceOf(match.Groups[1].Value) : "";
        var rest = match.Success ? heading.Trim()[match.Length..] : heading.Trim();
        var parts = Separator().Split(rest).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var time = "";
        if (parts.Count > 1 && TimesOfDay.Contains(parts[^1]))
        {
            time = TimesLeftOut.Contains(parts[^1]) ? "" : parts[^1].ToLowerInvariant();
            parts.RemoveAt(parts.Count - 1);
        }
        return new SceneContext(place, string.Join(", ", parts.Select(Readable)), time);
    }

    private static string PlaceOf(string prefix) => prefix.ToUpperInvariant() switch
    {
        "INT" => "Interior",
        "EXT" => "Exterior",
        "EST" => "Establishing shot",
        _ => "Interior and exterior",
    };

    /// <summary>All-caps words become title case with small words in lower case; mixed case stays as written.</summary>
    private static string Readable(string part)
    {
        if (part.Any(char.IsLower)) return part;
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => SmallWords.Contains(w) ? w.ToLowerInvariant() : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.ToLowerInvariant()));
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"^(int\.?/ext|i/e|int|ext|est)\.?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\s+[-–—]+\s+|\s*--\s*")]
    private static partial Regex Separator();
}
