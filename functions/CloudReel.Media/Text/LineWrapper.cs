using System.Text;
using CloudReel.Core.Text;

namespace CloudReel.Media.Text;

/// <summary>
/// Wraps text to a width in display units (<see cref="DisplayWidth"/>). Latin text breaks at
/// spaces and over-long words are broken hard; CJK text may break between any two characters,
/// except that closing punctuation never starts a line and opening brackets never end one.
/// Explicit newlines are kept.
/// </summary>
public static class LineWrapper
{
    private const string NoLineStart = "，。！？、；：」』）》〉】〕〗〙〛｝］”’…‥・ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ．,.!?;:)]}%";
    private const string NoLineEnd = "（「『《〈【〔〖〘〚｛［“‘([{";

    public static IReadOnlyList<string> Wrap(string text, int maxWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 2);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            WrapParagraph(paragraph.Trim(), maxWidth, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, int maxWidth, List<string> lines)
    {
        if (paragraph.Length == 0)
        {
            lines.Add("");
            return;
        }

        var line = new StringBuilder();
        var lineWidth = 0;
        foreach (var token in Tokenize(paragraph))
        {
            var gap = line.Length > 0 && token.SpaceBefore ? 1 : 0;
            if (lineWidth + gap + token.Width <= maxWidth)
            {
                if (gap == 1) line.Append(' ');
                line.Append(token.Text);
                lineWidth += gap + token.Width;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
                lineWidth = 0;
            }

            var rest = token.Text;
            while (DisplayWidth.Of(rest) > maxWidth)
            {
                var head = TakeWidth(rest, maxWidth);
                lines.Add(head);
                rest = rest[head.Length..];
            }

            line.Append(rest);
            lineWidth = DisplayWidth.Of(rest);
        }

        if (line.Length > 0) lines.Add(line.ToString());
    }

    /// <summary>
    /// Splits a paragraph into unbreakable pieces: Latin words (with their own punctuation) and
    /// single wide characters; then glues closing punctuation to the piece before and opening
    /// brackets to the piece after.
    /// </summary>
    private static List<Token> Tokenize(string paragraph)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        var spaceBefore = false;

        void Flush()
        {
            if (word.Length > 0) Add(tokens, new Token(word.ToString(), spaceBefore));
            word.Clear();
            spaceBefore = false;
        }

        foreach (var rune in paragraph.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                Flush();
                spaceBefore = true;
                continue;
            }

            if (DisplayWidth.IsWide(rune))
            {
                var space = word.Length == 0 && spaceBefore;
                Flush();
                Add(tokens, new Token(rune.ToString(), space));
                continue;
            }

            word.Append(rune.ToString());
        }

        Flush();
        return tokens;
    }

    private static void Add(List<Token> tokens, Token token)
    {
        if (tokens.Count > 0)
        {
            var previous = tokens[^1];
            var closes = IsIn(NoLineStart, token.Text.EnumerateRunes().First());
            var previousOpens = !token.SpaceBefore && IsIn(NoLineEnd, previous.Text.EnumerateRunes().Last());
            if (closes || previousOpens)
            {
                tokens[^1] = new Token(previous.Text + (token.SpaceBefore ? " " : "") + token.Text, previous.SpaceBefore);
                return;
            }
        }

        tokens.Add(token);
    }

    private static string TakeWidth(string text, int maxWidth)
    {
        var taken = new StringBuilder();
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = DisplayWidth.Of(rune);
            if (width + w > maxWidth && taken.Length > 0) break;
            taken.Append(rune.ToString());
            width += w;
        }

        return taken.ToString();
    }

    private static bool IsIn(string set, Rune rune) => set.Contains(rune.ToString(), StringComparison.Ordinal);

    private sealed record Token(string Text, bool SpaceBefore)
    {
        public int Width { get; } = DisplayWidth.Of(Text);
    }
}
