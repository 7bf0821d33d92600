namespace CloudReel.Core.Planning.Text;

/// <summary>
/// Marks the characters that sit inside a matched pair of quotes or brackets, so splitting never
/// breaks quoted text apart. An opener without its closer protects nothing.
/// </summary>
internal static class QuotedSpans
{
    private static readonly (char Open, char Close)[] Pairs =
    [
        ('“', '”'), ('「', '」'), ('『', '』'), ('(', ')'), ('（', '）'), ('《', '》'),
    ];

    /// <summary>For each index of <paramref name="text"/>: true when it lies strictly inside a matched pair.</summary>
    public static bool[] Inside(string text)
    {
        var inside = new bool[text.Length];
        MarkStraightQuotes(text, inside);
        foreach (var (open, close) in Pairs) MarkPairs(text, open, close, inside);
        return inside;
    }

    private static void MarkStraightQuotes(string text, bool[] inside)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '"') continue;
            if (start < 0)
            {
                start = i;
                continue;
            }
            for (var k = start + 1; k < i; k++) inside[k] = true;
            start = -1;
        }
    }

    private static void MarkPairs(string text, char open, char close, bool[] inside)
    {
        var opened = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == open)
            {
                opened.Push(i);
            }
            else if (text[i] == close && opened.Count > 0)
            {
                var start = opened.Pop();
                for (var k = start + 1; k < i; k++) inside[k] = true;
            }
        }
    }
}
