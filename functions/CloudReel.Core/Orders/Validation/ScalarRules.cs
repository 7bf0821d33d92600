using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CloudReel.Core.Orders;

/// <summary>Checks one scalar value against its <see cref="FieldType"/>; each check returns the problem in words, or null.</summary>
internal static class ScalarRules
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static string? Check(OrderNode node, FieldType type) => type switch
    {
        TextType text => CheckText(node, text),
        ChoiceType choice => CheckChoice(node, choice),
        NumberType number => CheckNumber(node, number),
        BooleanType => node is ScalarNode { Kind: ScalarKind.Boolean } ? null : NodeText.Mismatch(type, node),
        PathType path => CheckPath(node, path),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a scalar type"),
    };

    /// <summary>Whole-string match, as JSON Schema's (ECMAScript) patterns mean it.</summary>
    public static bool Matches(string text, string pattern)
    {
        var regex = Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        var match = regex.Match(text);
        return match.Success && match.Index == 0 && match.Length == text.Length;
    }

    private static string? CheckText(OrderNode node, TextType type)
    {
        if (node is not ScalarNode { IsText: true } scalar) return NodeText.Mismatch(type, node);
        var text = scalar.Text;
        var length = TextRules.Length(text);
        if (length < type.MinLength) return type.MinLength == 1 ? "must not be empty" : $"must be at least {type.MinLength} characters long";
        if (length > type.MaxLength) return $"is {length} characters long; at most {type.MaxLength} are allowed";
        if (TextRules.ExplainControls(text) is { } control) return control;
        if (type.Pattern is null || Matches(text, type.Pattern)) return null;
        return type.Explain?.Invoke(text) ?? $"'{NodeText.Quote(text)}' is not {type.PatternHint}";
    }

    private static string? CheckChoice(OrderNode node, ChoiceType type)
    {
        if (node is not ScalarNode { IsText: true } scalar) return NodeText.Mismatch(type, node);
        if (type.Values.Contains(scalar.Text)) return null;
        if (type.Explain is { } explain) return explain(scalar.Text);
        return $"unknown {type.Noun} '{NodeText.Quote(scalar.Text)}'{Suggestions.Hint(scalar.Text, type.Values)} (one of: {string.Join(", ", type.Values)})";
    }

    private static string? CheckNumber(OrderNode node, NumberType type)
    {
        if (node is not ScalarNode { Kind: ScalarKind.Number } scalar) return NodeText.Mismatch(type, node);
        var value = scalar.Number;
        if (!double.IsFinite(value)) return $"expected a finite number, found {scalar.Text}";
        if (type.Integer && value != Math.Floor(value)) return $"expected a whole number, found {scalar.Text}";
        if (type.Values is { } values)
        {
            return values.Contains(value) ? null : $"{scalar.Text} is not offered; use one of: {string.Join(", ", values.Select(NodeText.Number))}";
        }
        var unit = type.Unit.Length > 0 ? " " + type.Unit : "";
        var tooLow = value < type.Minimum || value <= type.ExclusiveMinimum;
        if (!tooLow && !(value > type.Maximum)) return null;
        var range = type.ExclusiveMinimum is { } above
            ? $"more than {NodeText.Number(above)} and at most {NodeText.Number(type.Maximum!.Value)}{unit}"
            : $"from {NodeText.Number(type.Minimum!.Value)} to {NodeText.Number(type.Maximum!.Value)}{unit}";
        return $"must be {range}, found {scalar.Text}";
    }

    private static string? CheckPath(OrderNode node, PathType type)
    {
        if (node is not ScalarNode { IsText: true } scalar) return NodeText.Mismatch(type, node);
        var path = scalar.Text;
        if (path.Length == 0) return "must not be empty";
        if (TextRules.ExplainControls(path) is { } control) return control;
        if (path.Length > type.MaxTextLength) return $"is {path.Length} characters long; a {(type.AllowsHttpsUrl ? "path or URL" : "path")} has at most {type.MaxTextLength}";
        // A URL is always parsed, not only matched: the pattern cannot see e.g. a port over 65535.
        if (type.AllowsHttpsUrl && RemoteImages.IsUrl(path)) return TextRules.ExplainImageUrl(path) ?? (Matches(path, type.Pattern) ? null : $"'{NodeText.Quote(path)}' is not an https URL of a public host");
        if (Matches(path, type.Pattern)) return null;
        return TextRules.ExplainPath(path, type.Extensions, type.Noun) ?? $"'{NodeText.Quote(path)}' is not a safe relative path to {type.Noun}";
    }
}
