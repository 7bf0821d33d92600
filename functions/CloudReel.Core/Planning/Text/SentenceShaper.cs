namespace CloudReel.Core.Planning.Text;

/// <summary>
/// Turns sentences into shot-sized units: very short sentences join the next one, very long ones
/// are split at clause punctuation into pieces of about <see cref="TextMeasure.LongLatinWords"/>
/// words (or <see cref="TextMeasure.LongCjkCharacters"/> CJK characters).
/// </summary>
internal static class SentenceShaper
{
    public static IReadOnlyList<string> Shape(IReadOnlyList<string> sentences) =>
        MergeShort(sentences).SelectMany(SplitLong).ToList();

    public static IReadOnlyList<string> MergeShort(IReadOnlyList<string> sentences)
    {
        var units = new List<string>();
        var pending = "";
        for (var i = 0; i < sentences.Count; i++)
        {
            var current = pending.Length == 0 ? sentences[i] : JoinLead(pending, sentences[i]);
            var isLast = i == sentences.Count - 1;
            if (!isLast && TextMeasure.IsShort(current))
            {
                pending = current;
                continue;
            }
            units.Add(current);
            pending = "";
        }
        if (units.Count >= 2 && TextMeasure.IsShort(units[^1]))
        {
            units[^2] = Whitespace.Join(units[^2], units[^1]);
            units.RemoveAt(units.Count - 1);
        }
        return units;
    }

    /// <summary>A short lead without an end mark (a line like "Spring") reads as a label: "Spring: ...".</summary>
    public static string JoinLead(string lead, string next)
    {
        if (lead.Length > 0 && (Punctuation.IsSentenceEnd(lead[^1]) || Punctuation.IsCloser(lead[^1]))) return Whitespace.Join(lead, next);
        return TextMeasure.IsCjk(lead) ? lead + "：" + next : lead + ": " + next;
    }

    public static IReadOnlyList<string> SplitLong(string sentence)
    {
        var total = TextMeasure.Units(sentence);
        var limit = TextMeasure.LongLimit(sentence);
        if (total <= limit) return [sentence];

        var clauses = Clauses(sentence);
        if (clauses.Count < 2) return [sentence];
        var ends = new List<int>();
        var sum = 0;
        foreach (var clause in clauses)
        {
            sum += TextMeasure.Units(clause);
            ends.Add(sum);
        }

        var pieces = (int)Math.Ceiling(total / (double)limit);
        var cuts = ChooseCuts(ends, total, pieces);
        var result = new List<string>();
        var from = 0;
        foreach (var cut in cuts.Append(clauses.Count))
        {
            var piece = string.Concat(clauses.Skip(from).Take(cut - from)).Trim();
            result.Add(from == 0 ? Punctuation.TrimDangling(piece) : Capitalize(Punctuation.TrimDangling(piece)));
            from = cut;
        }
        return result.Where(p => p.Length > 0).ToList();
    }

    /// <summary>A piece split off mid-sentence starts a sentence of its own ("while ferries..." → "While ferries...").</summary>
    private static string Capitalize(string piece) =>
        piece.Length > 0 && char.IsLower(piece[0]) ? char.ToUpperInvariant(piece[0]) + piece[1..] : piece;

    /// <summary>Clause indices to cut after, each the boundary nearest an even share of the sentence.</summary>
    private static List<int> ChooseCuts(List<int> clauseEnds, int total, int pieces)
    {
        var cuts = new List<int>();
        var previous = 0;
        for (var j = 1; j < pieces; j++)
        {
            var ideal = total * j / (double)pieces;
            var best = -1;
            for (var c = previous; c < clauseEnds.Count - 1; c++)
            {
                if (best < 0 || Math.Abs(clauseEnds[c] - ideal) < Math.Abs(clauseEnds[best] - ideal)) best = c;
            }
            if (best < 0) break;
            cuts.Add(best + 1);
            previous = best + 1;
        }
        return cuts;
    }

    /// <summary>The sentence in pieces that each end with a clause mark (the last one may not).</summary>
    private static List<string> Clauses(string sentence)
    {
        var inside = QuotedSpans.Inside(sentence);
        var clauses = new List<string>();
        var start = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if (inside[i] || !Punctuation.IsClauseMark(c)) continue;
            if (Punctuation.NeedsSpaceAfter(c) && i + 1 < sentence.Length && !char.IsWhiteSpace(sentence[i + 1])) continue;
            clauses.Add(sentence[start..(i + 1)]);
            start = i + 1;
        }
        if (start < sentence.Length) clauses.Add(sentence[start..]);
        return clauses;
    }
}
