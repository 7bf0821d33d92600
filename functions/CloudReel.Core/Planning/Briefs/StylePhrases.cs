using System.Text.RegularExpressions;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning.Briefs;

/// <summary>
/// Reads a look out of words: "in a soft ink-wash style", "in the style of a Persian miniature",
/// "a clay-animation-style film", "with a grainy 16mm look", "水墨风格", "采用赛博朋克霓虹风格".
/// </summary>
internal static partial class StylePhrases
{
    private const int MaxWords = 14;

    /// <summary>The first look said in <paramref name="text"/>, or null.</summary>
    public static string? Find(string text)
    {
        var found = new List<(int Index, string Style)>();
        foreach (Match m in StyleOf().Matches(text)) found.Add((m.Index, m.Groups["x"].Value));
        foreach (Match m in InStyle().Matches(text)) found.Add((m.Index, m.Groups["x"].Value));
        foreach (Match m in HyphenStyle().Matches(text)) found.Add((m.Index, m.Groups["x"].Value));
        foreach (Match m in WithLook().Matches(text)) found.Add((m.Index, m.Groups["x"].Value));
        foreach (Match m in ChineseStyle().Matches(text)) found.Add((m.Index, ChineseLead().Replace(m.Groups["x"].Value, "") + m.Groups["w"].Value));
        return found
            .OrderBy(f => f.Index)
            .Select(f => Clean(f.Style))
            .FirstOrDefault(s => s.Length > 1 && (TextMeasure.IsCjk(s) || ScriptDetector.CountLatinWords(s) <= MaxWords));
    }

    /// <summary>The value of a "Style:" line: the phrase inside it when it says "in a … style", else the whole value.</summary>
    public static string FromValue(string value) => Find(value) is { } inner && !TextMeasure.IsCjk(value) ? inner : Clean(value);

    private static string Clean(string style)
    {
        var text = Whitespace.Collapse(style).Trim(' ', ',', '，', '、', ';', '；', ':', '：');
        text = LeadingArticle().Replace(text, "");
        return Punctuation.TrimDangling(text.TrimEnd('.', '。', '!', '！'));
    }

    // "in the style of a Wes Anderson film", "in the style of hand-painted Persian miniatures"
    [GeneratedRegex(@"\bin\s+the\s+(?:visual\s+)?style\s+of\s+(?<x>[^.;!?()\n。；]+)", RegexOptions.IgnoreCase)]
    private static partial Regex StyleOf();

    // "in a soft ink-wash style", "in a warm, grainy 1970s film style"
    [GeneratedRegex(@"\bin\s+(?:an?\s+|the\s+)?(?<x>(?:(?!\bin\s)[^.;!?()\n。；]){2,120}?)\s+(?:visual\s+|animation\s+|art\s+)?style\b(?!\s+of)", RegexOptions.IgnoreCase)]
    private static partial Regex InStyle();

    // "an anime-style film", "a clay-animation-style short"
    [GeneratedRegex(@"\b(?<x>[\w][\w-]*?)-style\b", RegexOptions.IgnoreCase)]
    private static partial Regex HyphenStyle();

    // "with a grainy 16mm look", "with the look of an old postcard"
    [GeneratedRegex(@"\bwith\s+(?:an?\s+|the\s+)?(?<x>(?:(?!\bwith\s)[^.;!?()\n。；]){2,80}?)\s+(?:look|aesthetic)\b(?!\s+of)|\bwith\s+the\s+look\s+of\s+(?<x>[^.;!?()\n。；]+)", RegexOptions.IgnoreCase)]
    private static partial Regex WithLook();

    // "水墨风格", "采用赛博朋克霓虹风格": a clause of its own, so "明清风格的建筑" (a building's style) is not the film's
    [GeneratedRegex(@"(?<=^|[，。；、,;：:\s（(])(?<x>[\p{IsCJKUnifiedIdeographs}A-Za-z0-9·\-]{1,16})(?<w>风格|画风|風格)(?=$|[，。；、,;.!！)）\s])")]
    private static partial Regex ChineseStyle();

    [GeneratedRegex(@"^(?:采用|使用|运用|选用|以|用|走|是|为|呈现出?|带有|具有|整体|整体为|整体采用|画面|视觉|一种|一支|的)+")]
    private static partial Regex ChineseLead();

    [GeneratedRegex(@"^(?:an?|the)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();
}
