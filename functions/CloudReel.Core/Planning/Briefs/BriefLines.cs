using System.Text.RegularExpressions;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning.Briefs;

/// <summary>The kinds of line a brief is written in, plain text or Markdown.</summary>
internal enum BriefLineKind
{
    Blank,
    Heading,
    Item,
    Text,
}

/// <summary>One line of a brief with its Markdown taken off: a heading's text, a list item's text, or plain text.</summary>
/// <param name="Kind">What the line is.</param>
/// <param name="Text">Its text without Markdown.</param>
/// <param name="Level">A heading's level (1 for "#").</param>
/// <param name="Line">Its index among the brief's lines.</param>
internal sealed record BriefLine(BriefLineKind Kind, string Text, int Level = 0, int Line = 0);

/// <summary>
/// Reads a brief line by line: Markdown headings (# and underlined), list items (-, *, +, •,
/// "1.", "1)", "一、"), block quotes, rules and tables, with emphasis, links, inline code and HTML
/// taken off; YAML front matter becomes "key: value" lines.
/// </summary>
internal static partial class BriefLines
{
    public static IReadOnlyList<BriefLine> Read(string text)
    {
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();
        var lines = new List<BriefLine>();
        var start = FrontMatter(raw, lines);
        for (var i = start; i < raw.Count; i++)
        {
            var line = raw[i].TrimEnd();
            var next = i + 1 < raw.Count ? raw[i + 1].Trim() : "";
            if (line.Trim().Length == 0 || Rule().IsMatch(line.Trim()) || TableRule().IsMatch(line.Trim()))
            {
                lines.Add(new BriefLine(BriefLineKind.Blank, "", Line: i));
                continue;
            }
            if (next.Length > 0 && Underline().IsMatch(next) && !Item().IsMatch(line))
            {
                lines.Add(new BriefLine(BriefLineKind.Heading, Inline(line), next[0] == '=' ? 1 : 2, i));
                i++;
                continue;
            }
            lines.Add(Classify(line) with { Line = i });
        }
        return lines;
    }

    private static BriefLine Classify(string line)
    {
        var trimmed = line.Trim();
        if (Heading().Match(trimmed) is { Success: true } heading)
        {
            return new BriefLine(BriefLineKind.Heading, Inline(heading.Groups[2].Value.TrimEnd('#', ' ')), heading.Groups[1].Length);
        }
        while (trimmed.StartsWith('>')) trimmed = trimmed[1..].TrimStart();
        if (trimmed.StartsWith('|')) trimmed = string.Join("; ", trimmed.Trim('|').Split('|').Select(c => c.Trim()).Where(c => c.Length > 0));
        if (Item().Match(trimmed) is { Success: true } item)
        {
            return new BriefLine(BriefLineKind.Item, Inline(trimmed[item.Length..]));
        }
        return new BriefLine(BriefLineKind.Text, Inline(trimmed));
    }

    /// <summary>Emphasis, links, images, inline code and tags off; text kept.</summary>
    public static string Inline(string text)
    {
        var clean = Image().Replace(text, "");
        clean = Link().Replace(clean, "$1");
        clean = Tag().Replace(clean, " ");
        clean = clean.Replace("`", "", StringComparison.Ordinal);
        clean = StrongOrEmphasis().Replace(clean, "$2");
        clean = StrongOrEmphasis().Replace(clean, "$2");
        clean = clean.Replace("\\*", "*", StringComparison.Ordinal).Replace("\\_", "_", StringComparison.Ordinal).Replace("\\#", "#", StringComparison.Ordinal);
        return Whitespace.Collapse(clean);
    }

    /// <summary>"---" … "---" at the very top: its "key: value" lines become text lines.</summary>
    private static int FrontMatter(List<string> raw, List<BriefLine> lines)
    {
        var first = raw.FindIndex(l => l.Trim().Length > 0);
        if (first < 0 || raw[first].Trim() != "---") return 0;
        var end = raw.FindIndex(first + 1, l => l.Trim() is "---" or "...");
        if (end < 0 || !raw.Skip(first + 1).Take(end - first - 1).All(l => l.Trim().Length == 0 || l.Contains(':', StringComparison.Ordinal) || l.StartsWith(' '))) return 0;
        for (var i = first + 1; i < end; i++)
        {
            if (raw[i].Trim().Length > 0) lines.Add(new BriefLine(BriefLineKind.Text, raw[i].Trim().Trim('"'), Line: i));
        }
        lines.Add(new BriefLine(BriefLineKind.Blank, "", Line: end));
        return end + 1;
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:[-*+•·▪●◦]\s+|\d{1,3}[.)]\s+|\d{1,3}、\s*|[一二三四五六七八九十]{1,3}[、.]\s*|[（(]\d{1,3}[)）]\s*)")]
    private static partial Regex Item();

    [GeneratedRegex(@"^(?:[-*_]\s*){3,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^(?:={3,}|-{3,})$")]
    private static partial Regex Underline();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(\*\*|__|\*|(?<![\w])_)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex StrongOrEmphasis();
}
