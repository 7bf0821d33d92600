using System.Text;

namespace CloudReel.Core.Planning.Fountain;

/// <summary>
/// Removes what never reaches the page: boneyard <c>/* ... */</c> and notes <c>[[ ... ]]</c>, both
/// possibly over several lines. A line left holding nothing but removed text disappears whole, so a
/// note between two lines of action does not split the action into two paragraphs.
/// </summary>
internal static class FountainCleaner
{
    private const char Removed = '\u0001';

    public static IReadOnlyList<string> CleanLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace(Removed, ' ');
        var withoutBoneyard = RemoveSpans(normalized, "/*", "*/");
        var withoutNotes = RemoveSpans(withoutBoneyard, "[[", "]]");
        var lines = new List<string>();
        foreach (var line in withoutNotes.Split('\n'))
        {
            if (!line.Contains(Removed, StringComparison.Ordinal))
            {
                lines.Add(line);
                continue;
            }
            var kept = line.Replace(Removed.ToString(), "", StringComparison.Ordinal);
            if (kept.Trim().Length > 0) lines.Add(kept.TrimEnd());
        }
        return lines;
    }

    /// <summary>Replaces every complete open…close span with one marker; an unclosed opener stays as text.</summary>
    private static string RemoveSpans(string text, string open, string close)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf(open, position, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf(close, start + open.Length, StringComparison.Ordinal);
            if (start < 0 || end < 0)
            {
                builder.Append(text, position, text.Length - position);
                break;
            }
            builder.Append(text, position, start - position).Append(Removed);
            position = end + close.Length;
        }
        return builder.ToString();
    }
}
