using System.Globalization;

namespace CloudReel.Core.Orders;

/// <summary>How messages quote what an order contains: "text 'five'", "number 7", "a list".</summary>
internal static class NodeText
{
    private const int MaxQuoted = 40;

    public static string Describe(OrderNode node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Text } s => $"text '{Quote(s.Text)}'",
        ScalarNode { Kind: ScalarKind.Number } s => "number " + s.Text,
        ScalarNode { Kind: ScalarKind.Boolean } s => s.Text,
        ScalarNode => "no value",
        SequenceNode => "a list",
        MappingNode => "a mapping",
        _ => "an invalid value",
    };

    /// <summary>"expected a number, found text 'five'", with a hint on how to fix common slips.</summary>
    public static string Mismatch(FieldType expected, OrderNode found)
    {
        var hint = (expected, found) switch
        {
            (TextType { Example: null } or PathType, ScalarNode { Kind: ScalarKind.Number or ScalarKind.Boolean } s) =>
                $"; put it in quotes if you mean the text: \"{s.Text}\"",
            (BooleanType, ScalarNode { Kind: ScalarKind.Text }) => "; write true or false",
            (_, ScalarNode { Kind: ScalarKind.Null }) => "; give it a value or remove the key",
            _ => "",
        };
        return $"expected {expected.Expected}, found {Describe(found)}{hint}";
    }

    /// <summary>A value short enough to quote in a message, with line breaks shown as \n.</summary>
    /// <summary>User text as an error message may show it: one line, at most 40 characters, control and bidi characters escaped (never echoed raw).</summary>
    public static string Quote(string text)
    {
        var oneLine = string.Concat(text.EnumerateRunes().Select(r => r.Value == '\n' ? "\\n" : TextRules.IsUnsafe(r) ? $"\\u{r.Value:X4}" : r.ToString()));
        return TextRules.Length(oneLine) <= MaxQuoted ? oneLine : string.Concat(oneLine.EnumerateRunes().Take(MaxQuoted - 1)) + "…";
    }

    /// <summary>"a, b or c".</summary>
    public static string Or(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
