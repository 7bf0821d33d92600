using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning.Timing;

/// <summary>How long viewers need to take in a piece of text.</summary>
internal static class ReadingTime
{
    public const double CjkCharactersPerSecond = 4;
    public const double WordsPerSecond = 2.5;
    public const double LeadSeconds = 1;
    public const double MinimumShotSeconds = 3;

    /// <summary>Seconds to read <paramref name="text"/> plus a second to settle in; no minimum.</summary>
    public static double Of(string text) =>
        ScriptDetector.CountCjk(text) / CjkCharactersPerSecond
        + ScriptDetector.CountLatinWords(text) / WordsPerSecond
        + LeadSeconds;

    /// <summary>The longest of the texts' reading times (a bilingual shot shows both captions at once).</summary>
    public static double Of(IEnumerable<string> texts) => texts.Select(Of).DefaultIfEmpty(LeadSeconds).Max();
}
