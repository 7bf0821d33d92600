using System.Text;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Speech;

/// <summary>
/// How long a text takes to say, before it is synthesised: about 4 Chinese (or other CJK) characters
/// a second and 150 words a minute of Latin text at rate 1, plus a breath between sentences. It is
/// what validation holds narration to; the synthesised speech sets the real timing.
/// </summary>
public static class SpeechEstimate
{
    public const double SecondsPerCjkCharacter = 0.25;

    public const double SecondsPerWord = 0.4;

    public const double SecondsPerPause = 0.3;

    /// <summary>Silence kept before and after the speech in a shot, so a line neither starts nor ends on a cut.</summary>
    public const double PaddingSeconds = 0.5;

    public static double Seconds(string text, double rate)
    {
        var cjk = 0;
        var words = 0;
        var pauses = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (ScriptDetector.IsCjkLetter(rune))
            {
                cjk++;
                inWord = false;
                continue;
            }
            var letterOrDigit = Rune.IsLetterOrDigit(rune);
            if (letterOrDigit && !inWord) words++;
            inWord = letterOrDigit || (inWord && rune.Value is '\'' or '’' or '-');
            if (rune.Value is '.' or '!' or '?' or ';' or '。' or '！' or '？' or '；' or '，' or ',') pauses++;
        }
        var seconds = (cjk * SecondsPerCjkCharacter) + (words * SecondsPerWord) + (Math.Max(0, pauses - 1) * SecondsPerPause);
        return seconds / Math.Max(0.1, rate);
    }
}
