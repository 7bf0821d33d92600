using System.Text;
using CloudReel.Core.Text;

namespace CloudReel.Core.Planning.Text;

/// <summary>Whitespace clean-up shared by the planner's text steps.</summary>
internal static class Whitespace
{
    /// <summary>Every run of whitespace (line breaks included) becomes one space; ends trimmed.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Joins two pieces of one text: no space between CJK pieces, one space otherwise.
    /// </summary>
    public static string Join(string left, string right)
    {
        if (left.Length == 0) return right;
        if (right.Length == 0) return left;
        var leftEnd = Rune.GetRuneAt(left, left.Length - (char.IsLowSurrogate(left[^1]) ? 2 : 1));
        var rightStart = Rune.GetRuneAt(right, 0);
        var tight = IsCjkish(leftEnd) && IsCjkish(rightStart);
        return tight ? left + right : left + " " + right;
    }

    private static bool IsCjkish(Rune rune) => ScriptDetector.IsCjkLetter(rune) || DisplayWidth.Of(rune) == 2;
}
