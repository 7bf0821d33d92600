namespace CloudReel.Core.Planning.Text;

/// <summary>How long a piece of text is for a reader: CJK characters for CJK text, words otherwise.</summary>
internal static class TextMeasure
{
    public const int ShortLatinWords = 4;
    public const int ShortCjkCharacters = 6;
    public const int LongLatinWords = 25;
    public const int LongCjkCharacters = 40;

    public static bool IsCjk(string text) => ScriptDetector.Detect(text) == TextScript.Cjk;

    /// <summary>Words for Latin text, characters for CJK text.</summary>
    public static int Units(string text) =>
        IsCjk(text) ? ScriptDetector.CountCjk(text) : ScriptDetector.CountLatinWords(text);

    public static bool IsShort(string text) =>
        Units(text) < (IsCjk(text) ? ShortCjkCharacters : ShortLatinWords);

    public static int LongLimit(string text) => IsCjk(text) ? LongCjkCharacters : LongLatinWords;
}
