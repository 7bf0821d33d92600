using System.Text;
using CloudReel.Core.Text;

namespace CloudReel.Core.Planning.Text;

/// <summary>
/// Shortens text to a limit: to the longest run of whole clauses that fits, else to whole words
/// followed by an ellipsis. Never cuts inside a Latin word.
/// </summary>
internal static class ClauseCutter
{
    public const string Ellipsis = "…";

    /// <summary>Caption limit in display cells (CJK characters count two).</summary>
    public const int CaptionWidth = 84;

    public static string FitCaption(string text) => Fit(text, CaptionWidth, DisplayWidth.Of);

    public static string Fit(string text, int limit, Func<string, int> measure)
    {
        var clean = Whitespace.Collapse(text);
        if (measure(clean) <= limit) return clean;
        var (clause, isSentence) = ClausePrefix(clean, limit, measure);
        // A whole sentence always reads well; a lone opening clause ("Look,") says less than most
        // of the sentence with an ellipsis.
        return clause is not null && (isSentence || measure(clause) >= limit / 4) ? clause : WordPrefix(clean, limit, measure);
    }

    private static (string? Text, bool IsSentence) ClausePrefix(string text, int limit, Func<string, int> measure)
    {
        var inside = QuotedSpans.Inside(text);
        (string? Text, bool IsSentence) best = (null, false);
        for (var i = 0; i < text.Length - 1; i++)
        {
            var end = ClauseEndAt(text, i, inside);
            if (end == i) continue;
            var candidate = Punctuation.TrimDangling(text[..end]);
            if (candidate.Length == 0) continue;
            if (measure(candidate) > limit) break;
            var isSentence = Punctuation.IsSentenceEnd(text[i]) || Punctuation.IsCloser(text[i]);
            // Keep a whole sentence over a longer prefix that ends mid-sentence at a tiny clause.
            if (isSentence || !best.IsSentence || measure(candidate) >= limit / 4) best = (candidate, isSentence);
        }
        return best;
    }

    /// <summary>The index just after a clause or sentence that ends at <paramref name="i"/>, else <paramref name="i"/>.</summary>
    private static int ClauseEndAt(string text, int i, bool[] inside)
    {
        var c = text[i];
        if (inside[i]) return i;
        if (Punctuation.IsSentenceEnd(c) || Punctuation.IsCloser(c)) return SentenceSplitter.EndOfSentenceAt(text, i, inside);
        if (!Punctuation.IsCutMark(c)) return i;
        if (Punctuation.NeedsSpaceAfter(c) && !char.IsWhiteSpace(text[i + 1])) return i;
        return i + 1;
    }

    private static string WordPrefix(string text, int limit, Func<string, int> measure)
    {
        var best = "";
        for (var i = 1; i < text.Length; i++)
        {
            if (!IsWordBoundary(text, i)) continue;
            var candidate = Punctuation.TrimDangling(text[..i]) + Ellipsis;
            if (measure(candidate) > limit) break;
            best = candidate;
        }
        return best.Length > 0 ? best : HardPrefix(text, limit, measure);
    }

    /// <summary>Between two words: at a space, or between two CJK characters (CJK text has no spaces).</summary>
    private static bool IsWordBoundary(string text, int i)
    {
        if (char.IsLowSurrogate(text[i])) return false;
        if (char.IsWhiteSpace(text[i])) return true;
        var before = Rune.GetRuneAt(text, char.IsLowSurrogate(text[i - 1]) ? i - 2 : i - 1);
        var after = Rune.GetRuneAt(text, i);
        return DisplayWidth.Of(before) == 2 && DisplayWidth.Of(after) == 2;
    }

    /// <summary>Only for one word longer than the limit: cut it by characters.</summary>
    private static string HardPrefix(string text, int limit, Func<string, int> measure)
    {
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (measure(builder + rune.ToString() + Ellipsis) > limit) break;
            builder.Append(rune.ToString());
        }
        return builder + Ellipsis;
    }
}
