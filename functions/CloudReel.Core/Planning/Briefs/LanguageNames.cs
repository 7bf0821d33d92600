using System.Text.RegularExpressions;

namespace CloudReel.Core.Planning.Briefs;

/// <summary>Caption languages as a brief names them ("English and Chinese", "中英双语", "zh-CN, en") turned into BCP 47 tags.</summary>
internal static partial class LanguageNames
{
    private static readonly (string Tag, Regex Name)[] Names =
    [
        ("zh-TW", TraditionalChinese()),
        ("zh-HK", Cantonese()),
        ("zh-CN", Chinese()),
        ("en", English()),
        ("ja", Japanese()),
        ("ko", Korean()),
        ("fr", French()),
        ("es", Spanish()),
        ("de", German()),
        ("pt", Portuguese()),
        ("it", Italian()),
    ];

    /// <summary>The tags in the order the text names them.</summary>
    public static IReadOnlyList<string> Read(string text)
    {
        var found = new List<(int Index, string Tag)>();
        foreach (Match tag in Tag().Matches(text)) found.Add((tag.Index, Normalise(tag.Value)));
        var claimed = new List<(int Start, int End)>();
        foreach (var (tag, name) in Names)
        {
            foreach (Match m in name.Matches(text))
            {
                if (claimed.Any(c => m.Index < c.End && c.Start < m.Index + m.Length)) continue;
                claimed.Add((m.Index, m.Index + m.Length));
                found.Add((m.Index, tag));
            }
        }
        // "中英双语": Chinese first, then English.
        if (Bilingual().Match(text) is { Success: true } both) found.AddRange([(both.Index, "zh-CN"), (both.Index + 1, "en")]);
        return found.OrderBy(f => f.Index).Select(f => f.Tag).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string Normalise(string tag)
    {
        var parts = tag.Split('-');
        return parts.Length == 1 ? parts[0].ToLowerInvariant() : parts[0].ToLowerInvariant() + "-" + parts[1].ToUpperInvariant();
    }

    [GeneratedRegex(@"\b(?:zh|en|ja|ko|fr|es|de|pt|it)(?:-[A-Za-z]{2,4})?\b(?=\s*(?:,|，|、|/|and|\band\b|$|\)|）|;|\s))")]
    private static partial Regex Tag();

    [GeneratedRegex(@"traditional\s+chinese|繁体中文|繁體中文|繁体|繁體", RegexOptions.IgnoreCase)]
    private static partial Regex TraditionalChinese();

    [GeneratedRegex(@"cantonese|粤语|粵語", RegexOptions.IgnoreCase)]
    private static partial Regex Cantonese();

    [GeneratedRegex(@"(?:simplified\s+)?chinese|mandarin|简体中文|中文|汉语|普通话|简体", RegexOptions.IgnoreCase)]
    private static partial Regex Chinese();

    [GeneratedRegex(@"\benglish\b|英文|英语", RegexOptions.IgnoreCase)]
    private static partial Regex English();

    [GeneratedRegex(@"\bjapanese\b|日文|日语", RegexOptions.IgnoreCase)]
    private static partial Regex Japanese();

    [GeneratedRegex(@"\bkorean\b|韩文|韩语", RegexOptions.IgnoreCase)]
    private static partial Regex Korean();

    [GeneratedRegex(@"\bfrench\b|法语|法文", RegexOptions.IgnoreCase)]
    private static partial Regex French();

    [GeneratedRegex(@"\bspanish\b|西班牙语", RegexOptions.IgnoreCase)]
    private static partial Regex Spanish();

    [GeneratedRegex(@"\bgerman\b|德语|德文", RegexOptions.IgnoreCase)]
    private static partial Regex German();

    [GeneratedRegex(@"\bportuguese\b|葡萄牙语", RegexOptions.IgnoreCase)]
    private static partial Regex Portuguese();

    [GeneratedRegex(@"\bitalian\b|意大利语", RegexOptions.IgnoreCase)]
    private static partial Regex Italian();

    [GeneratedRegex(@"中英双语|中英文|中英")]
    private static partial Regex Bilingual();
}
