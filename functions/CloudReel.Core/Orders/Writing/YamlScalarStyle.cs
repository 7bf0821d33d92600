using System.Globalization;
using System.Text;

namespace CloudReel.Core.Orders;

/// <summary>
/// Chooses how to write a text value in YAML so that any reader gets the same text back: plain when
/// that is safe, quoted when YAML would read it otherwise (yes, null, 1.0, 16:9, "a: b", leading '-'),
/// and a literal block for text over several lines.
/// </summary>
internal static class YamlScalarStyle
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    /// <summary>The text on one line: plain, 'single-quoted' or "double-quoted" with escapes.</summary>
    public static string Inline(string text)
    {
        if (CanBePlain(text)) return text;
        return IsPrintable(text) ? "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'" : DoubleQuoted(text);
    }

    /// <summary>Whether the text reads back unchanged from a literal block scalar (<c>|</c>).</summary>
    public static bool FitsLiteralBlock(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal) || !IsPrintable(text.Replace("\n", "", StringComparison.Ordinal))) return false;
        var lines = text.TrimEnd('\n').Split('\n');
        var firstWithText = lines.FirstOrDefault(l => l.Length > 0);
        return firstWithText is not null
            && !firstWithText.StartsWith(' ')
            && lines.All(l => l.Length == 0 || !char.IsWhiteSpace(l[^1]));
    }

    /// <summary>The block header: <c>|-</c> without a final line break, <c>|</c> with one, <c>|+</c> with more.</summary>
    public static string LiteralHeader(string text)
    {
        var trailing = text.Length - text.TrimEnd('\n').Length;
        return trailing switch { 0 => "|-", 1 => "|", _ => "|+" };
    }

    private static bool CanBePlain(string text) =>
        text.Length > 0
        && !char.IsWhiteSpace(text[0])
        && !char.IsWhiteSpace(text[^1])
        && !Indicators.Contains(text[0], StringComparison.Ordinal)
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && !text.Contains('\t', StringComparison.Ordinal)
        && IsPrintable(text)
        && !YamlScalars.LooksLikeNonText(text);

    /// <summary>No control characters, line or paragraph separators, format characters or lone surrogates.</summary>
    private static bool IsPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || NeedsEscape(c)) return false;
        }
        return true;
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\uFFFE' or '\uFFFF'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string DoubleQuoted(string text)
    {
        var result = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            result.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when pair => text.Substring(i++, 2),
                _ when char.IsSurrogate(c) || NeedsEscape(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return result.Append('"').ToString();
    }
}
