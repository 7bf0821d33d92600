using System.Globalization;
using System.Text;

namespace CloudReel.Core.Text;

/// <summary>
/// Width of text in display units: East Asian wide and fullwidth characters take 2, combining
/// marks, format and control characters (line breaks) 0, everything else 1. A unit is roughly
/// half an em of a CJK font. Caption limits, the planner and the line wrapper all measure with it.
/// </summary>
public static class DisplayWidth
{
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes()) width += Of(rune);
        return width;
    }

    public static int Of(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control) return 0;
        return IsWide(rune) ? 2 : 1;
    }

    /// <summary>Wide characters are the ones CJK text may break between.</summary>
    public static bool IsWide(Rune rune)
    {
        var c = rune.Value;
        return c is (>= 0x1100 and <= 0x115F)
            or (>= 0x2E80 and <= 0x303E)
            or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xA000 and <= 0xA4CF)
            or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F900 and <= 0x1F9FF)
            or (>= 0x20000 and <= 0x3FFFD);
    }
}
