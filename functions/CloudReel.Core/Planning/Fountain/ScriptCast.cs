using System.Globalization;
using System.Text.RegularExpressions;
using CloudReel.Core.Orders;
using CloudReel.Core.Text;

namespace CloudReel.Core.Planning.Fountain;

/// <summary>
/// The cast of a screenplay: every character seen on screen (one who only speaks off screen, V.O.
/// or O.S., is heard, not seen), with a look taken from the action line that introduces it —
/// "MEI, late twenties, a courier bag over one shoulder, runs…" or "AH-MEI (70s, silver bun) kneels…".
/// A character introduced without a description keeps its name as its look, for a language-model
/// planner or a person to fill in.
/// </summary>
internal static partial class ScriptCast
{
    public const int MaxCharacters = 20;

    public static IReadOnlyList<CastMember> Read(FountainDocument script)
    {
        var actions = script.Elements.Where(e => e.Kind == FountainElementKind.Action).Select(e => e.Text).ToList();
        var speakers = script.Elements.Where(e => e.Kind == FountainElementKind.Character).ToList();
        var names = speakers.Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList();
        var cast = new List<CastMember>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var introduction = actions.Select(a => Introduction(a, name)).FirstOrDefault(found => found is not null);
            var seen = speakers.Any(s => s.Text == name && !OffScreen(s)) || actions.Any(a => Mentions(a, name));
            if (!seen) continue;
            var id = Slug.From(name, maxLength: 40, fallback: $"character-{cast.Count + 1}");
            for (var n = 2; !ids.Add(id); n++) id = $"{Slug.From(name, maxLength: 36, fallback: "character")}-{n}";
            var display = DisplayName(name);
            cast.Add(new CastMember(id, display, introduction ?? display, []));
            if (cast.Count == MaxCharacters) break;
        }
        return cast;
    }

    /// <summary>Whether a character speaks from off screen: voice-over, off screen, off camera.</summary>
    public static bool OffScreen(FountainElement character)
    {
        var extension = (character.Extension ?? "").ToUpperInvariant();
        return extension.Contains("V.O", StringComparison.Ordinal) || extension.Contains("O.S", StringComparison.Ordinal) || extension.Contains("O.C", StringComparison.Ordinal);
    }

    /// <summary>"MEI" becomes "Mei"; names with lower case or in CJK stay as written.</summary>
    public static string DisplayName(string name) =>
        name.Any(char.IsLower) || !name.Any(char.IsAsciiLetter) ? name : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());

    /// <summary>The characters of <paramref name="cast"/> that <paramref name="text"/> names, by name or id.</summary>
    public static IEnumerable<string> NamedIn(string text, IReadOnlyList<CastMember> cast) =>
        cast.Where(c => Mentions(text, c.Name) || (c.Name != c.Id && Mentions(text, c.Id))).Select(c => c.Id);

    private static bool Mentions(string text, string name) =>
        name.Length > 0 && Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The description after a character's first mention in capitals, or null.</summary>
    private static string? Introduction(string action, string name)
    {
        var mention = Regex.Match(action, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!mention.Success) return null;
        var rest = action[(mention.Index + mention.Length)..];
        if (Bracketed().Match(rest) is { Success: true } bracket) return Described(bracket.Groups[1].Value);
        if (!rest.StartsWith(',')) return null;
        var sentence = rest[1..].Split(['.', '!', '?', '\n'], 2)[0];
        var parts = sentence.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        // The last part carries what the character does ("runs down the ramp"); the ones before describe them.
        return parts.Count >= 2 ? Described(string.Join(", ", parts.Take(parts.Count - 1))) : null;
    }

    private static string? Described(string text)
    {
        var words = text.Trim();
        if (words.Length == 0) return null;
        if (words.All(char.IsAsciiDigit)) return $"{words} years old";
        return words.Length <= 1000 ? words : words[..1000].TrimEnd();
    }

    [GeneratedRegex(@"^\s*[(（]([^)）]{1,200})[)）]")]
    private static partial Regex Bracketed();
}
