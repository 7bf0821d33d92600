using System.Text;

namespace CloudReel.Core.Templates;

/// <summary>
/// Splits text into literal parts and <c>{{ name | filter: "arg" }}</c> placeholders. Text without
/// <c>{{</c> is returned as it is; a malformed placeholder is a problem in words.
/// </summary>
internal static class PlaceholderParser
{
    public const string Open = "{{";
    public const string Close = "}}";

    /// <summary>The parts of <paramref name="text"/>, or the problem with its placeholders.</summary>
    public static (TemplateText? Text, string? Problem) Parse(string text)
    {
        var parts = new List<TextPart>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf(Open, at, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new TextPart(text[at..], null));
                break;
            }

            if (open > at) parts.Add(new TextPart(text[at..open], null));
            var close = text.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0) return (null, $"'{Open}' is not closed with '{Close}'");
            var (placeholder, problem) = ParseInside(text[(open + Open.Length)..close]);
            if (placeholder is null) return (null, $"in '{Open}{text[(open + Open.Length)..close]}{Close}': {problem}");
            parts.Add(new TextPart(null, placeholder));
            at = close + Close.Length;
        }

        return (new TemplateText(parts), null);
    }

    private static (Placeholder?, string?) ParseInside(string inside)
    {
        var pieces = SplitOutsideQuotes(inside, '|');
        var path = pieces[0].Trim();
        if (path.Length == 0) return (null, "name a variable, e.g. {{ city }}");
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var variable = dot < 0 ? path : path[..dot];
        var field = dot < 0 ? null : path[(dot + 1)..];
        if (!IsName(variable) || (field is not null && !IsName(field)))
        {
            return (null, $"'{path}' is not a variable name (letters, digits and '_', or item.field inside a repeat)");
        }

        var filters = new List<PlaceholderFilter>();
        foreach (var piece in pieces.Skip(1))
        {
            var (filter, problem) = ParseFilter(piece);
            if (filter is null) return (null, problem);
            filters.Add(filter);
        }

        return (new Placeholder(variable, field, filters), null);
    }

    private static (PlaceholderFilter?, string?) ParseFilter(string piece)
    {
        var colon = IndexOutsideQuotes(piece, ':');
        var name = (colon < 0 ? piece : piece[..colon]).Trim();
        if (name.Length == 0) return (null, "a '|' must be followed by a filter, e.g. | upper");
        if (!TemplateFilters.Known.Contains(name))
        {
            return (null, $"unknown filter '{name}'{Orders.Suggestions.Hint(name, TemplateFilters.Known)} (filters: {string.Join(", ", TemplateFilters.Known)})");
        }

        string? argument = null;
        if (colon >= 0)
        {
            var raw = piece[(colon + 1)..].Trim();
            if (raw.Length >= 2 && (raw[0] is '"' or '\'') && raw[^1] == raw[0]) argument = raw[1..^1];
            else if (raw.Length > 0 && !raw.Contains(' ', StringComparison.Ordinal) && raw[0] is not ('"' or '\'')) argument = raw;
            else return (null, $"the argument of '{name}' must be one value, in quotes when it has spaces, e.g. {name}: \"…\"");
        }

        var needs = TemplateFilters.TakesArgument(name);
        if (needs && argument is null) return (null, $"'{name}' needs an argument, e.g. {TemplateFilters.Example(name)}");
        if (!needs && argument is not null) return (null, $"'{name}' takes no argument");
        return (new PlaceholderFilter(name, argument), null);
    }

    private static bool IsName(string text) =>
        text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is null && c == separator)
            {
                pieces.Add(current.ToString());
                current.Clear();
                continue;
            }

            if (c is '"' or '\'') quote = quote == c ? null : quote ?? c;
            current.Append(c);
        }

        pieces.Add(current.ToString());
        return pieces;
    }

    private static int IndexOutsideQuotes(string text, char wanted)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && c == wanted) return i;
            if (c is '"' or '\'') quote = quote == c ? null : quote ?? c;
        }

        return -1;
    }
}
