using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudReel.Core.Planning.Briefs;

/// <summary>
/// Reads a film length out of words: "a 45-second promo", "45s", "1.5 minutes", "a minute and a
/// half", "ninety seconds", "1:30", "30–45 seconds" (the longer end), "45秒", "一分半钟",
/// "两分钟", "1分30秒". Whether the length is the film's is for the caller to judge from where it stands.
/// </summary>
internal static partial class LengthPhrases
{
    private static readonly Dictionary<string, int> EnglishNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>The first length said in <paramref name="text"/>, in seconds, or null.</summary>
    /// <param name="text">Words that may say a length.</param>
    /// <param name="clock">Whether "1:30" counts: only where a length is certainly meant ("Runtime: 1:30"), since "9:16" is a shape.</param>
    public static double? Find(string text, bool clock = false)
    {
        var found = new List<(int Index, double Seconds)>();
        if (clock)
        {
            foreach (Match m in Clock().Matches(text)) found.Add((m.Index, Minutes(m.Groups["m"].Value) * 60 + Number(m.Groups["s"].Value)));
        }
        foreach (Match m in MinutesAndHalf().Matches(text)) found.Add((m.Index, (EnglishNumber(m.Groups["n"].Value) ?? 1) * 60 + 30));
        foreach (Match m in HalfMinute().Matches(text)) found.Add((m.Index, 30));
        foreach (Match m in Latin().Matches(text))
        {
            if (found.Any(f => Math.Abs(f.Index - m.Index) < 3)) continue;
            var amount = EnglishAmount(m.Groups["n"].Value);
            if (amount is null) continue;
            var unit = m.Groups["u"].Value.ToLowerInvariant();
            found.Add((m.Index, unit.StartsWith('m') ? amount.Value * 60 : amount.Value));
        }
        foreach (Match m in Chinese().Matches(text))
        {
            var seconds = ChineseLength(m);
            if (seconds is > 0) found.Add((m.Index, seconds.Value));
        }
        return found.Count == 0 ? null : found.OrderBy(f => f.Index).First().Seconds;
    }

    /// <summary>"45", "1.5", "forty-five", "ninety", "a", "30-45" (the longer end).</summary>
    private static double? EnglishAmount(string text)
    {
        var range = RangeSplit().Split(text.Trim());
        if (range.Length == 2 && double.TryParse(range[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var upper)) return upper;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        return EnglishNumber(text);
    }

    private static int? EnglishNumber(string text)
    {
        var total = 0;
        foreach (var part in text.Trim().Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!EnglishNumbers.TryGetValue(part, out var value)) return null;
            total += value;
        }
        return total;
    }

    private static double? ChineseLength(Match m)
    {
        var minutes = m.Groups["min"].Success ? ChineseNumber(m.Groups["min"].Value) : 0;
        var seconds = m.Groups["sec"].Success ? ChineseNumber(m.Groups["sec"].Value) : 0;
        if (minutes is null || seconds is null) return null;
        var half = m.Groups["half"].Success ? 30 : 0;
        return (minutes.Value * 60) + seconds.Value + half;
    }

    /// <summary>"45", "1.5", "四十五", "两", "十", "一百二十", "半" (a half).</summary>
    private static double? ChineseNumber(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        if (text == "半") return 0.5;
        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            var digit = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c == '两') digit = 2;
            if (digit >= 0)
            {
                current = digit;
                continue;
            }
            var scale = c switch { '十' => 10, '百' => 100, _ => 0 };
            if (scale == 0) return null;
            total += Math.Max(current, 1) * scale;
            current = 0;
        }
        return total + current;
    }

    private static double Minutes(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private const string DigitCount = @"\d+(?:\.\d+)?(?:\s*(?:-|–|—|to)\s*\d+(?:\.\d+)?)?";

    private const string WordCount = @"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|a|an";

    [GeneratedRegex(@"(?<![\w.])(?:(?<n>" + DigitCount + @")\s*-?\s*(?<u>seconds?|secs?|s|minutes?|mins?)|(?<n>" + WordCount + @")[- ](?<u>seconds?|minutes?))(?![a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Latin();

    [GeneratedRegex(@"(?<![\d:])(?<m>\d{1,2}):(?<s>[0-5]\d)(?![\d:])")]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(?:(?<n>a|an|one|two|three|four|five)[- ])?minutes?[- ]and[- ]a[- ]half\b|\b(?<n>one|two|three|four|five)[- ]and[- ]a[- ]half[- ]minutes?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MinutesAndHalf();

    [GeneratedRegex(@"\bhalf[- ]a[- ]minute\b|\bhalf-minute\b", RegexOptions.IgnoreCase)]
    private static partial Regex HalfMinute();

    [GeneratedRegex(@"(?<min>" + ChineseCount + @"|半)\s*(?:分(?:钟|鐘)(?<half>半)?|分(?<half>半)(?:钟|鐘)?|分(?=\s*(?:\d+|[零一二两三四五六七八九十]+)\s*秒))\s*(?:(?<sec>" + ChineseCount + @")\s*秒(?:钟|鐘)?)?|(?<sec>" + ChineseCount + @")\s*秒(?:钟|鐘)?")]
    private static partial Regex Chinese();

    private const string ChineseCount = @"\d+(?:\.\d+)?|[零一二两三四五六七八九十百]+";

    [GeneratedRegex(@"\s*(?:-|–|—|to)\s*")]
    private static partial Regex RangeSplit();
}
