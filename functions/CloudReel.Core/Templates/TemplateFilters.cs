using System.Globalization;

namespace CloudReel.Core.Templates;

/// <summary>
/// The filters a placeholder's value can go through: <c>upper</c>, <c>lower</c>, <c>default: "x"</c> (when the
/// value is empty) and <c>number: "0.00"</c> (a .NET numeric format, invariant culture).
/// </summary>
internal static class TemplateFilters
{
    public static readonly IReadOnlyList<string> Known = ["upper", "lower", "default", "number"];

    public static bool TakesArgument(string name) => name is "default" or "number";

    public static string Example(string name) => name == "number" ? "number: \"0.00\"" : "default: \"…\"";

    /// <summary>The value after the filter, or the problem in words (e.g. a number format on text).</summary>
    public static (TemplateValue? Value, string? Problem) Apply(PlaceholderFilter filter, TemplateValue? value) => filter.Name switch
    {
        "upper" => (TemplateValue.Of((value?.ToText() ?? "").ToUpperInvariant()), null),
        "lower" => (TemplateValue.Of((value?.ToText() ?? "").ToLowerInvariant()), null),
        "default" => (value is null || value.IsEmpty ? TemplateValue.Of(filter.Argument!) : value, null),
        "number" => FormatNumber(value, filter.Argument!),
        _ => (null, $"unknown filter '{filter.Name}'"),
    };

    private static (TemplateValue?, string?) FormatNumber(TemplateValue? value, string format)
    {
        double number;
        switch (value)
        {
            case NumberValue n:
                number = n.Value;
                break;
            case TextValue t when double.TryParse(t.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                break;
            default:
                return (null, $"'number: \"{format}\"' needs a number, found {Describe(value)}");
        }

        try
        {
            return (TemplateValue.Of(number.ToString(format, CultureInfo.InvariantCulture)), null);
        }
        catch (FormatException)
        {
            return (null, $"'{format}' is not a number format; write e.g. \"0.00\" or \"#,0\"");
        }
    }

    public static string Describe(TemplateValue? value) => value switch
    {
        null => "no value",
        TextValue { Value: "" } => "empty text",
        TextValue t => $"text '{Orders.NodeText.Quote(t.Value)}'",
        NumberValue n => "number " + n.ToText(),
        FlagValue f => f.ToText(),
        ListValue => "a list",
        _ => "a record",
    };
}
