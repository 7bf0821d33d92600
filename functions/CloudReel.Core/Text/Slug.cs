using System.Globalization;
using System.Text;

namespace CloudReel.Core.Text;

/// <summary>Lower-case ASCII slugs for file names and ids: "Shanghai in Clay!" → "shanghai-in-clay".</summary>
public static class Slug
{
    public static string From(string text, int maxLength = 40, string fallback = "film")
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(c);
            else if (c is >= 'A' and <= 'Z') builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > maxLength) slug = slug[..maxLength].TrimEnd('-');
        return slug.Length == 0 ? fallback : slug;
    }
}
