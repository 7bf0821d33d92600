using System.Text;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Text;
using CloudReel.Core.Text;

namespace CloudReel.Core.Speech;

/// <summary>
/// Cuts a spoken sentence too wide for one caption (<see cref="TextRules.MaxCaptionWidth"/> columns, CJK
/// counting two) into several cues: whole clauses packed while they fit, a clause too wide by words
/// (between CJK characters, at spaces elsewhere). The cues share the sentence's measured span in
/// proportion to their width, so they stay inside the speech. Another language's text is shared over
/// the same cues, word by word in proportion to their lengths.
/// </summary>
internal static class CaptionCuts
{
    /// <summary>The pieces of <paramref name="sentence"/>, each at most <paramref name="width"/> columns wide where its words allow.</summary>
    public static IReadOnlyList<string> Cut(string sentence, int width = TextRules.MaxCaptionWidth)
    {
        var text = Whitespace.Collapse(sentence);
        if (DisplayWidth.Of(text) <= width) return [text];
        var pieces = new List<string>();
        var current = new List<Token>();
        foreach (var token in Tokens(text))
        {
            if (current.Count > 0 && DisplayWidth.Of(Join([.. current, token])) > width)
            {
                // Cut after the last clause of the piece when that keeps at least a third of it; else here.
                var clause = current.FindLastIndex(t => t.EndsClause);
                var keep = clause >= 0 && DisplayWidth.Of(Join(current.Take(clause + 1))) >= width / 3 ? clause + 1 : current.Count;
                pieces.Add(Join(current.Take(keep)));
                current.RemoveRange(0, keep);
            }
            current.Add(token);
        }
        if (current.Count > 0) pieces.Add(Join(current));
        return pieces;
    }

    /// <summary>Each piece's share of [<paramref name="start"/>, <paramref name="end"/>], in proportion to its width.</summary>
    public static IReadOnlyList<(double Start, double End)> Spans(IReadOnlyList<string> pieces, double start, double end)
    {
        var widths = pieces.Select(p => (double)Math.Max(1, DisplayWidth.Of(p))).ToList();
        var total = widths.Sum();
        var spans = new List<(double, double)>(pieces.Count);
        var at = 0.0;
        foreach (var w in widths)
        {
            spans.Add((start + ((end - start) * at / total), start + ((end - start) * (at + w) / total)));
            at += w;
        }
        spans[^1] = (spans[^1].Item1, end);
        return spans;
    }

    /// <summary><paramref name="text"/> shared over cues of the given lengths: word by word, each word to the cue its middle falls in.</summary>
    public static IReadOnlyList<string> Share(string text, IReadOnlyList<double> lengths)
    {
        if (lengths.Count <= 1) return [Whitespace.Collapse(text)];
        var tokens = Tokens(Whitespace.Collapse(text));
        var total = Math.Max(1, tokens.Sum(t => DisplayWidth.Of(t.Text.TrimEnd())));
        var bounds = new List<double>();
        var sum = lengths.Sum();
        var run = 0.0;
        foreach (var length in lengths) bounds.Add(run += length / sum);
        var groups = lengths.Select(_ => new List<Token>()).ToList();
        var at = 0.0;
        foreach (var token in tokens)
        {
            var w = DisplayWidth.Of(token.Text.TrimEnd());
            var middle = (at + (w / 2.0)) / total;
            groups[Math.Min(groups.Count - 1, bounds.FindIndex(b => middle <= b + 1e-9) is var i and >= 0 ? i : groups.Count - 1)].Add(token);
            at += w;
        }
        return groups.Select(g => Join(g)).ToList();
    }

    private sealed record Token(string Text, bool EndsClause);

    private static string Join(IEnumerable<Token> tokens) => string.Concat(tokens.Select(t => t.Text)).Trim();

    /// <summary>Words with the spaces after them; each CJK character a word; punctuation stays with the word before it.</summary>
    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0) return;
            var s = word.ToString();
            var last = s.TrimEnd();
            tokens.Add(new Token(s, last.Length > 0 && IsClauseEnd(last[^1])));
            word.Clear();
        }
        foreach (var rune in text.EnumerateRunes())
        {
            var isSpace = Rune.IsWhiteSpace(rune);
            var isPunctuation = Rune.IsPunctuation(rune);
            if (isSpace)
            {
                word.Append(rune.ToString());
                continue;
            }
            // A new word starts after a space, and at every wide character that is not punctuation.
            var endsWithSpace = word.Length > 0 && char.IsWhiteSpace(word[^1]);
            if (word.Length > 0 && !isPunctuation && (endsWithSpace || DisplayWidth.IsWide(rune) || EndsWide(word))) Flush();
            word.Append(rune.ToString());
        }
        Flush();
        return tokens;
    }

    private static bool EndsWide(StringBuilder word)
    {
        var s = word.ToString().TrimEnd();
        if (s.Length == 0) return false;
        var last = Rune.GetRuneAt(s, char.IsLowSurrogate(s[^1]) && s.Length > 1 ? s.Length - 2 : s.Length - 1);
        return DisplayWidth.IsWide(last) && !Rune.IsPunctuation(last);
    }

    private static bool IsClauseEnd(char c) => c is ',' or ';' or ':' or '，' or '、' or '；' or '：' or '.' or '!' or '?' or '。' or '！' or '？';
}
