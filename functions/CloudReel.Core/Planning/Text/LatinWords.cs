using System.Globalization;
using System.Text;

namespace CloudReel.Core.Planning.Text;

/// <summary>The Latin words of a text, lower case, accents folded to ASCII ("Café" → "cafe").</summary>
internal static class LatinWords
{
    public static IReadOnlyList<string> Of(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }
            // An apostrophe inside a word ("Lin's", "don't") does not split it.
            if (c is '\'' or '’' && current.Length > 0) continue;
            Flush(current, words);
        }
        Flush(current, words);
        return words;
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length > 0) words.Add(current.ToString());
        current.Clear();
    }
}
