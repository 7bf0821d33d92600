using System.Text.RegularExpressions;

namespace CloudReel.Core.Planning.Fountain;

/// <summary>Strips *italic*, **bold**, ***bold italic*** and _underline_ markers; <c>\*</c> and <c>\_</c> stay as literal characters.</summary>
internal static partial class FountainEmphasis
{
    private const char EscapedStar = '\uE000';
    private const char EscapedUnderscore = '\uE001';
    private const int MaxNesting = 4;

    public static string Strip(string text)
    {
        var escaped = text.Replace(@"\*", EscapedStar.ToString(), StringComparison.Ordinal)
            .Replace(@"\_", EscapedUnderscore.ToString(), StringComparison.Ordinal);
        // Markers nest ("**bold *italic* bold**"): inner pairs go first, so repeat until nothing changes.
        for (var pass = 0; pass < MaxNesting; pass++)
        {
            var stripped = Underline().Replace(Italic().Replace(Bold().Replace(BoldItalic().Replace(escaped, "$1"), "$1"), "$1"), "$1");
            if (stripped == escaped) break;
            escaped = stripped;
        }
        return escaped.Replace(EscapedStar, '*').Replace(EscapedUnderscore, '_');
    }

    [GeneratedRegex(@"\*\*\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*\*\*")]
    private static partial Regex BoldItalic();

    [GeneratedRegex(@"\*\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*")]
    private static partial Regex Italic();

    [GeneratedRegex(@"_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_")]
    private static partial Regex Underline();
}
