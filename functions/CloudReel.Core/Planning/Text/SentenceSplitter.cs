using System.Text;

namespace CloudReel.Core.Planning.Text;

/// <summary>
/// Splits text into sentences at . ! ? … 。！？； and line ends, keeping quoted text whole and
/// leaving decimals ("3.5"), abbreviations ("Mr.", "e.g.") and initials ("J.") alone.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr", "mt", "ft", "no", "nos", "vs", "fig",
        "e.g", "i.e", "cf", "ca", "approx", "al", "ave", "rd", "blvd", "co", "ltd", "inc", "dept",
        "a.m", "p.m", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "vol", "ch", "min", "max", "km", "hr", "hrs",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        foreach (var line in UnwrapLines(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')))
        {
            SplitLine(line, sentences);
        }
        return sentences;
    }

    /// <summary>
    /// A line end is a sentence end, except inside hard-wrapped prose: a line without an end mark
    /// followed by a line starting in lower case continues on that line.
    /// </summary>
    private static List<string> UnwrapLines(string[] lines)
    {
        var result = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var continues = result.Count > 0 && line.Length > 0 && char.IsLower(line[0])
                && result[^1].Length > 0 && !Punctuation.IsSentenceEnd(result[^1][^1]) && !Punctuation.IsCloser(result[^1][^1]);
            if (continues) result[^1] += " " + line;
            else result.Add(line);
        }
        return result;
    }

    private static void SplitLine(string line, List<string> sentences)
    {
        var inside = QuotedSpans.Inside(line);
        var start = 0;
        var i = 0;
        while (i < line.Length)
        {
            var end = EndOfSentenceAt(line, i, inside);
            if (end > i)
            {
                Add(line[start..end], sentences);
                start = end;
                i = end;
            }
            else
            {
                i++;
            }
        }
        Add(line[start..], sentences);
    }

    /// <summary>
    /// The index just after the sentence that ends at <paramref name="i"/> (its end marks and closing
    /// quotes included), or <paramref name="i"/> when none ends there.
    /// </summary>
    public static int EndOfSentenceAt(string line, int i, bool[] inside)
    {
        var c = line[i];
        if (inside[i]) return i;
        if (Punctuation.IsCjkSentenceEnd(c)) return SkipClosers(line, SkipEnds(line, i));
        if (Punctuation.IsLatinSentenceEnd(c))
        {
            var end = SkipClosers(line, SkipEnds(line, i));
            return EndsLatinSentence(line, i, end) ? end : i;
        }
        if (IsQuoteCloser(line, i, inside) && i > 0 && Punctuation.IsSentenceEnd(line[i - 1]))
        {
            var end = SkipClosers(line, i);
            return Punctuation.IsCjkSentenceEnd(line[i - 1]) || FollowedByNewSentence(line, end) ? end : i;
        }
        return i;
    }

    private static bool EndsLatinSentence(string line, int i, int end)
    {
        if (!FollowedByNewSentence(line, end)) return false;
        var singleDot = line[i] == '.' && (i + 1 >= line.Length || line[i + 1] != '.');
        return !singleDot || !IsAbbreviation(WordBefore(line, i));
    }

    /// <summary>A new sentence starts after a space, at the line end or at CJK text, and not with a lower-case word.</summary>
    private static bool FollowedByNewSentence(string line, int end)
    {
        if (end >= line.Length) return true;
        var next = Rune.GetRuneAt(line, end);
        if (ScriptDetector.IsCjkLetter(next)) return true;
        if (!Rune.IsWhiteSpace(next)) return false;
        var start = end;
        while (start < line.Length && char.IsWhiteSpace(line[start])) start++;
        return start == line.Length || !char.IsLower(line[start]);
    }

    private static bool IsAbbreviation(string word) =>
        word.Length == 1 && char.IsLetter(word[0]) || Abbreviations.Contains(word);

    /// <summary>The letters and inner dots just before index <paramref name="dot"/>, e.g. "e.g" or "Mr".</summary>
    private static string WordBefore(string line, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(line[start - 1]) || line[start - 1] == '.')) start--;
        return line[start..dot];
    }

    private static int SkipEnds(string line, int i)
    {
        while (i < line.Length && Punctuation.IsSentenceEnd(line[i])) i++;
        return i;
    }

    private static int SkipClosers(string line, int i)
    {
        while (i < line.Length && Punctuation.IsCloser(line[i])) i++;
        return i;
    }

    private static bool IsQuoteCloser(string line, int i, bool[] inside) =>
        Punctuation.IsCloser(line[i]) && i > 0 && inside[i - 1];

    private static void Add(string sentence, List<string> sentences)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0) sentences.Add(trimmed);
    }
}
