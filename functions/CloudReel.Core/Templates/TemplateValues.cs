using System.Globalization;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Templates;

/// <summary>Values as they arrive (a YAML default, a JSON row's value, a CSV cell) made into a variable's kind.</summary>
internal static class TemplateValues
{
    /// <summary>The separator of list items in a CSV cell: <c>dumplings|noodles|tea</c>.</summary>
    public const char ListSeparator = '|';

    /// <summary>A node read from YAML or JSON as a value; null for a null.</summary>
    public static TemplateValue? FromNode(OrderNode node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Text } text => new TextValue(text.Text),
        ScalarNode { Kind: ScalarKind.Number } number => new NumberValue(number.Number),
        ScalarNode { Kind: ScalarKind.Boolean } flag => new FlagValue(flag.Flag),
        SequenceNode sequence => new ListValue(sequence.Items.Select(FromNode).OfType<TemplateValue>().ToList()),
        MappingNode mapping => new RecordValue(mapping.Entries
            .Select(e => (e.Key.Text, Value: FromNode(e.Value)))
            .Where(e => e.Value is not null)
            .ToDictionary(e => e.Text, e => e.Value!, StringComparer.Ordinal)),
        _ => null,
    };

    /// <summary>The value as <paramref name="variable"/> holds it, or the problem in words.</summary>
    public static (TemplateValue? Value, string? Problem) Convert(TemplateVariable variable, TemplateValue raw) => variable.Kind switch
    {
        VariableKind.String => raw is ListValue or RecordValue ? (null, $"expected text, found {TemplateFilters.Describe(raw)}") : (TemplateValue.Of(raw.ToText()), null),
        VariableKind.Number => ToNumber(raw),
        VariableKind.Boolean => ToFlag(raw),
        VariableKind.Enum => ToChoice(variable, raw),
        VariableKind.File or VariableKind.Image => ToPath(variable, raw),
        VariableKind.List => ToList(raw),
        _ => (raw, null),
    };

    private static (TemplateValue?, string?) ToNumber(TemplateValue raw) => raw switch
    {
        NumberValue => (raw, null),
        TextValue text when double.TryParse(text.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) =>
            (new NumberValue(number), null),
        _ => (null, $"expected a number (digits with a '.' for decimals, e.g. 12.5), found {TemplateFilters.Describe(raw)}"),
    };

    private static (TemplateValue?, string?) ToFlag(TemplateValue raw) => raw switch
    {
        FlagValue => (raw, null),
        TextValue text when text.Value.Trim().ToLowerInvariant() is "true" or "yes" or "1" => (new FlagValue(true), null),
        TextValue text when text.Value.Trim().ToLowerInvariant() is "false" or "no" or "0" => (new FlagValue(false), null),
        NumberValue { Value: 0 or 1 } number => (new FlagValue(number.Value == 1), null),
        _ => (null, $"expected true or false (or yes/no, 1/0), found {TemplateFilters.Describe(raw)}"),
    };

    private static (TemplateValue?, string?) ToChoice(TemplateVariable variable, TemplateValue raw)
    {
        var text = raw is TextValue or NumberValue or FlagValue ? raw.ToText().Trim() : null;
        if (text is not null && variable.Values.Contains(text, StringComparer.Ordinal)) return (TemplateValue.Of(text), null);
        var hint = text is null ? "" : Suggestions.Hint(text, variable.Values);
        return (null, $"expected one of {string.Join(", ", variable.Values)}, found {TemplateFilters.Describe(raw)}{hint}");
    }

    private static (TemplateValue?, string?) ToPath(TemplateVariable variable, TemplateValue raw)
    {
        if (raw is not TextValue text) return (null, $"expected a file path, found {TemplateFilters.Describe(raw)}");
        var path = text.Value.Trim();
        if (variable.Kind == VariableKind.Image && path.Length > 0 && !RemoteImages.IsUrl(path)
            && !OrderFormat.Image.Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"'{NodeText.Quote(path)}' is not an image: use a {string.Join(" ", OrderFormat.Image.Extensions)} file");
        }

        return (TemplateValue.Of(path), null);
    }

    private static (TemplateValue?, string?) ToList(TemplateValue raw) => raw switch
    {
        ListValue => (raw, null),
        TextValue text => (new ListValue(text.Value.Split(ListSeparator).Select(i => i.Trim()).Where(i => i.Length > 0).Select(TemplateValue.Of).ToList()), null),
        _ => (null, $"expected a list (in CSV: items separated by '{ListSeparator}'), found {TemplateFilters.Describe(raw)}"),
    };
}
