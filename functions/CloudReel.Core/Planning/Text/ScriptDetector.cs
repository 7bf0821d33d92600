using System.Text;

namespace CloudReel.Core.Planning.Text;

/// <summary>Which writing system a piece of text is mostly in.</summary>
internal enum TextScript
{
    None,
    Latin,
    Cjk,
}

/// <summary>Tells CJK text from Latin text and counts what reading time depends on.</summary>
internal static class ScriptDetector
{
    // One CJK character carries about as much as three Latin letters, so a line of English with
    // a Chinese place name in brackets still reads as English.
    private const int LatinLettersPerCjkCharacter = 3;

    public static TextScript Detect(string text)
    {
        var cjk = CountCjk(text);
        var latin = CountLatinLetters(text);
        if (cjk == 0 && latin == 0) return TextScript.None;
        return cjk * LatinLettersPerCjkCharacter >= latin ? TextScript.Cjk : TextScript.Latin;
    }

    /// <summary>Han ideographs, kana and hangul: the characters a CJK reader reads one by one.</summary>
    public static bool IsCjkLetter(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x11FF => true,
        >= 0x3040 and <= 0x30FF => true,
        >= 0x3130 and <= 0x318F => true,
        >= 0x31F0 and <= 0x31FF => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0xAC00 and <= 0xD7AF => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0x20000 and <= 0x2FA1F => true,
        _ => false,
    };

    public static bool IsLatinLetter(Rune rune) =>
        Rune.IsLetter(rune) && (rune.Value < 0x0250 || rune.Value is >= 0x1E00 and <= 0x1EFF);

    public static int CountCjk(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjkLetter(rune)) count++;
        }
        return count;
    }

    public static int CountLatinLetters(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsLatinLetter(rune)) count++;
        }
        return count;
    }

    /// <summary>Runs of Latin letters and digits (with inner apostrophes, dots and dashes), split by spaces and CJK text.</summary>
    public static int CountLatinWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var wordy = IsLatinLetter(rune) || Rune.IsDigit(rune)
                || (inWord && rune.Value is '\'' or '’' or '-' or '.' or '_');
            if (wordy && !inWord) count++;
            inWord = wordy;
        }
        return count;
    }
}
