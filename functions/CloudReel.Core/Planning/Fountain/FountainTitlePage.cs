using System.Text.RegularExpressions;

namespace CloudReel.Core.Planning.Fountain;

/// <summary>
/// Reads the optional title page: <c>Key: value</c> lines at the top, values continued on indented
/// lines, ended by the first blank line. A script opening with "FADE IN:" has no title page, so the
/// first key must be one title pages use.
/// </summary>
internal static partial class FountainTitlePage
{
    private static readonly HashSet<string> OpeningKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "credit", "author", "authors", "source", "draft date", "date", "contact",
        "copyright", "notes", "revision", "episode", "series", "format",
    };

    /// <summary>The title page entries and the index of the first body line.</summary>
    public static (IReadOnlyList<KeyValuePair<string, string>> Entries, int BodyStart) Read(IReadOnlyList<string> lines)
    {
        var first = 0;
        while (first < lines.Count && lines[first].Trim().Length == 0) first++;
        if (first >= lines.Count || KeyLine().Match(lines[first]) is not { Success: true } opening
            || !OpeningKeys.Contains(opening.Groups[1].Value.Trim()))
        {
            return ([], 0);
        }

        var entries = new List<(string Key, List<string> Values)>();
        var index = first;
        for (; index < lines.Count && lines[index].Trim().Length > 0; index++)
        {
            var line = lines[index];
            var match = KeyLine().Match(line);
            if (match.Success)
            {
                entries.Add((match.Groups[1].Value.Trim(), []));
                AddValue(entries[^1].Values, match.Groups[2].Value);
            }
            else if (entries.Count > 0)
            {
                AddValue(entries[^1].Values, line);
            }
        }
        var result = entries
            .Select(e => new KeyValuePair<string, string>(e.Key, string.Join("\n", e.Values)))
            .ToList();
        return (result, index);
    }

    private static void AddValue(List<string> values, string raw)
    {
        var value = FountainEmphasis.Strip(raw.Trim());
        if (value.Length > 0) values.Add(value);
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9 _-]*):(.*)$")]
    private static partial Regex KeyLine();
}
