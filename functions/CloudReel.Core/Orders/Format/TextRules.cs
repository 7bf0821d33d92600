using System.Globalization;
using System.Text;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Orders;

/// <summary>Measures text as people and JSON Schema see it, and words the reasons a value breaks a pattern.</summary>
internal static class TextRules
{
    public const int MaxCaptionLines = 2;
    public const int MaxCaptionWidth = 84;

    /// <summary>Length in Unicode characters (code points), as JSON Schema's maxLength counts.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>Columns on screen: CJK, fullwidth and emoji characters take two, combining marks and line breaks none.</summary>
    public static int DisplayWidth(string text) => Core.Text.DisplayWidth.Of(text);

    /// <summary>
    /// Why text carries a character no order field may hold, or null: a control character other than a
    /// line break or tab (ESC, BEL… rewrite a terminal that prints it) or a bidi embedding, override or
    /// isolate (it reorders what people read).
    /// </summary>
    public static string? ExplainControls(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsUnsafe(rune)) return $"contains the control character U+{rune.Value:X4}; text may not carry terminal or bidirectional controls";
        }

        return null;
    }

    /// <summary>True for a control character other than newline, tab and carriage return, and for bidi embeddings, overrides and isolates.</summary>
    public static bool IsUnsafe(Rune rune) =>
        (Rune.IsControl(rune) && rune.Value is not ('\n' or '\t' or '\r')) || rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    public static string? ExplainCaption(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value != '\n' && Rune.IsControl(rune))
            {
                return $"contains the control character U+{rune.Value:X4}; a caption may only break lines with a newline";
            }
        }
        var lines = text.Split('\n').Length;
        if (lines <= MaxCaptionLines) return null;
        var hint = text.EndsWith('\n') ? " (it ends with a line break: in YAML write '|-' instead of '|')" : "";
        return $"has {lines} lines; a caption has at most {MaxCaptionLines}{hint}";
    }

    public static string? ExplainLanguageTag(string text) => text.Contains('_', StringComparison.Ordinal)
        ? $"language tags use '-' between parts: '{text.Replace('_', '-')}'"
        : null;

    public static string? ExplainResolution(string text)
    {
        if (text.Length < 2 || text[^1] != 'p' || !text[..^1].All(char.IsAsciiDigit))
        {
            return $"write the resolution as the picture's short side with a 'p', e.g. '1080p' or '720p'";
        }
        var lines = int.Parse(text[..^1], CultureInfo.InvariantCulture);
        if (lines is < 144 or > 2160) return $"{text} is outside 144p–2160p";
        return lines % 2 == 1 ? $"{text} is odd; video needs an even number of lines, e.g. '{lines + 1}p'" : null;
    }

    /// <summary>Why a path is not a safe relative path with one of <paramref name="extensions"/>, or null.</summary>
    public static string? ExplainPath(string path, IReadOnlyList<string> extensions, string noun)
    {
        const string Relative = "paths are relative to the order file, e.g. 'refs/bund.jpg'";
        if (path.Contains("://", StringComparison.Ordinal)) return $"'{NodeText.Quote(path)}' is a URL; put the file next to the order and give its relative path ({Relative})";
        if (path.StartsWith('/') || (path.Length > 1 && path[1] == ':')) return $"'{NodeText.Quote(path)}' is an absolute path; {Relative}";
        if (path.Contains('\\', StringComparison.Ordinal)) return $"'{NodeText.Quote(path)}' uses backslashes; separate folders with '/'";
        if (path.Split('/').Contains("..")) return $"'{NodeText.Quote(path)}' leaves the order's folder ('..'); {Relative} and inside its folder";
        if (!StoreLayout.IsSafeRelativePath(path))
        {
            return $"'{NodeText.Quote(path)}' is not a safe relative path: each part must start with a letter or digit and use only letters, digits, spaces, '.', '_', '-' and parentheses";
        }
        var dot = path.LastIndexOf('.');
        var extension = dot > path.LastIndexOf('/') ? path[dot..] : "";
        return extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"'{NodeText.Quote(path)}' is not {Article(noun)} {noun}: use a {NodeText.Or(extensions)} file";
    }

    /// <summary>Why a reference-image URL will not be fetched, or null when its form is fine (where it leads is checked when fetching).</summary>
    public static string? ExplainImageUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)) return $"'{NodeText.Quote(text)}' is not a valid URL";
        if (url.Scheme == Uri.UriSchemeHttp) return $"'{NodeText.Quote(text)}' uses http; reference images are fetched over https only";
        if (url.Scheme != Uri.UriSchemeHttps) return $"'{NodeText.Quote(text)}' is a {url.Scheme} URL; give an https URL or a path relative to the order file";
        if (url.UserInfo.Length > 0) return $"'{url.GetLeftPart(UriPartial.Scheme)}…' carries a user name or password; give a URL without them";
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6) return $"'{NodeText.Quote(text)}' names an IP address; give the image's public host name";
        return url.Host.Contains('.', StringComparison.Ordinal) ? null : $"'{url.Host}' is not a public host name";
    }

    private static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
}
