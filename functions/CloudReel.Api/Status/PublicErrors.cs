using System.Text.RegularExpressions;
using CloudReel.Core.Text;

namespace CloudReel.Api.Status;

/// <summary>
/// A failure as the API shows it: what failed, in one line, without the engine's details (an FFmpeg
/// stderr tail, internal paths, secrets). The whole text stays in the journal and the logs.
/// </summary>
public static partial class PublicErrors
{
    private const int MaxLength = 400;

    public static string? Of(string? message)
    {
        if (message is null) return null;
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) return message;
        var first = AbsolutePath().Replace(Secrets.Redact(lines[0]), m => "…/" + Path.GetFileName(m.Value));
        var cut = lines.Length > 1 || first.Length > MaxLength;
        if (first.Length > MaxLength) first = first[..MaxLength];
        return cut ? first.TrimEnd(':', ' ') + " (details are in the service's log)" : first;
    }

    [GeneratedRegex(@"(?<![\w.~])(?:/[\w.@+-]+){2,}", RegexOptions.CultureInvariant)]
    private static partial Regex AbsolutePath();
}
