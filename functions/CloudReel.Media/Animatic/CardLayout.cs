using CloudReel.Core.Text;
using CloudReel.Media.Text;

namespace CloudReel.Media.Animatic;

/// <summary>One line of card text: what it says, its font size and where its baseline sits.</summary>
internal sealed record CardLine(string Text, int FontSize, int Baseline);

/// <summary>
/// Lays out an animatic card: the shot text as large as fits in at most four centred lines,
/// and a small label line at the top (the bottom is where the film's captions go).
/// </summary>
internal static class CardLayout
{
    private const int MaxLines = 4;
    private const double UsableWidth = 0.84;
    // One display unit (half a CJK em) is a little wider in Latin text: estimate generously.
    private const double EmPerUnit = 0.55;
    private const double LinePitch = 1.3;
    private const double Ascent = 0.88;

    public static IReadOnlyList<CardLine> ShotText(string text, int width, int height)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var largest = Math.Max(10, (int)Math.Round(height * 0.09));
        var smallest = Math.Max(8, (int)Math.Round(height * 0.05));
        var fontSize = largest;
        var lines = WrapAt(text, width, fontSize);
        while (lines.Count > MaxLines && fontSize > smallest)
        {
            fontSize--;
            lines = WrapAt(text, width, fontSize);
        }

        if (lines.Count > MaxLines) lines = Truncate(lines, UnitsFor(width, fontSize));
        var pitch = fontSize * LinePitch;
        var blockHeight = pitch * (lines.Count - 1) + fontSize;
        var top = height * 0.46 - blockHeight / 2;
        return lines
            .Select((line, i) => new CardLine(line, fontSize, (int)Math.Round(top + i * pitch + fontSize * Ascent)))
            .ToList();
    }

    public static CardLine Footer(string text, int height)
    {
        var fontSize = Math.Max(8, (int)Math.Round(height * 0.04));
        return new CardLine(text, fontSize, (int)Math.Round(height * 0.09));
    }

    private static List<string> WrapAt(string text, int width, int fontSize) =>
        LineWrapper.Wrap(text, UnitsFor(width, fontSize)).Where(l => l.Length > 0).ToList();

    private static int UnitsFor(int width, int fontSize) => Math.Max(2, (int)(width * UsableWidth / (fontSize * EmPerUnit)));

    private static List<string> Truncate(List<string> lines, int units)
    {
        var kept = lines.Take(MaxLines).ToList();
        var last = kept[^1];
        while (last.Length > 0 && DisplayWidth.Of(last) + 1 > units) last = last[..^1];
        kept[^1] = last.TrimEnd() + "…";
        return kept;
    }
}
