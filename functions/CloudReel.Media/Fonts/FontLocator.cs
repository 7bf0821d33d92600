using System.Globalization;
using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Fonts;

/// <summary>A font face that can set Chinese text: its file, the family libass knows it by, and its face index.</summary>
public sealed record CjkFont(string FilePath, string Family, int FaceIndex);

/// <summary>Chinese text would render as empty boxes: no CJK font is installed.</summary>
public sealed class CjkFontMissingException(string message) : Exception(message);

/// <summary>
/// Finds the CJK font for captions and animatic cards through fontconfig (<c>fc-match</c>):
/// "Noto Sans CJK SC" when installed, else any installed face that covers common Chinese.
/// The answer is looked up once and cached.
/// </summary>
public sealed class FontLocator
{
    public const string PreferredFamily = "Noto Sans CJK SC";

    public const string MissingMessage = "No CJK font is installed, so Chinese text cannot be drawn: install fonts-noto-cjk (apt-get install fonts-noto-cjk).";

    // U+4E0A "上": a common ideograph every Chinese face carries.
    private const string ChineseProbe = "4e0a";

    private readonly Lazy<Task<CjkFont>> _font;

    public FontLocator() => _font = new Lazy<Task<CjkFont>>(FindAsync);

    /// <summary>The CJK font; throws <see cref="CjkFontMissingException"/> when there is none.</summary>
    public Task<CjkFont> LocateAsync() => _font.Value;

    private static async Task<CjkFont> FindAsync()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        var fcMatch = ExecutableSearch.Find("fc-match", null, path);
        if (fcMatch is null) throw new CjkFontMissingException(MissingMessage + " (fontconfig's fc-match was not found either)");

        var preferred = await MatchAsync(fcMatch, PreferredFamily);
        if (preferred is not null && preferred.Families.Contains(PreferredFamily, StringComparer.OrdinalIgnoreCase))
        {
            return preferred.Font with { Family = PreferredFamily };
        }

        // fc-match always answers with something; only accept a fallback that really covers Chinese.
        var fallback = await MatchAsync(fcMatch, $"sans-serif:lang=zh-cn:charset={ChineseProbe}");
        if (fallback is not null && await CoversChineseAsync(fallback.Font.FilePath))
        {
            return fallback.Font;
        }

        throw new CjkFontMissingException(MissingMessage);
    }

    private static async Task<Match?> MatchAsync(string fcMatch, string pattern)
    {
        var lines = await RunAsync(fcMatch, ["--format=%{file}\n%{family}\n%{index}\n", pattern]);
        if (lines.Count < 3 || !File.Exists(lines[0])) return null;
        var families = lines[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var index = int.TryParse(lines[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : 0;
        return families.Length == 0 ? null : new Match(new CjkFont(lines[0], families[0], index), families);
    }

    private static async Task<bool> CoversChineseAsync(string fontFile)
    {
        var fcList = ExecutableSearch.Find("fc-list", null, Environment.GetEnvironmentVariable("PATH"));
        if (fcList is null) return false;
        var files = await RunAsync(fcList, [$":charset={ChineseProbe}", "file"]);
        return files.Any(line => line.TrimEnd(':', ' ') == fontFile);
    }

    private static async Task<List<string>> RunAsync(string executable, string[] arguments)
    {
        var lines = new List<string>();
        var exit = await ToolProcess.RunAsync(executable, arguments, lines.Add, null, CancellationToken.None);
        return exit.ExitCode == 0 ? lines : [];
    }

    private sealed record Match(CjkFont Font, string[] Families);
}
