using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudReel.Core.Orders;

/// <summary>
/// How YAML reads an unquoted scalar. The loader follows the YAML 1.2 core schema; the writer also
/// quotes what YAML 1.1 tools would read as something other than text (yes, no, on, 16:9, 2024-01-01).
/// </summary>
internal static partial class YamlScalars
{
    public static ScalarNode Resolve(SourcePosition position, string plain)
    {
        if (plain is "" or "~" or "null" or "Null" or "NULL") return ScalarNode.OfNull(position, plain);
        if (plain is "true" or "True" or "TRUE") return ScalarNode.OfBoolean(position, true);
        if (plain is "false" or "False" or "FALSE") return ScalarNode.OfBoolean(position, false);
        return TryNumber(plain, out var number) ? ScalarNode.OfNumber(position, plain, number) : ScalarNode.OfText(position, plain);
    }

    /// <summary>True when a YAML 1.2 or 1.1 reader could take this unquoted text for anything but text.</summary>
    public static bool LooksLikeNonText(string text) =>
        !Resolve(SourcePosition.Start, text).IsText
        || Yaml11Words().IsMatch(text)
        || NumberLike().IsMatch(text);

    private static bool TryNumber(string text, out double value)
    {
        value = 0;
        if (DecimalInteger().IsMatch(text) || Float().IsMatch(text))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        if (text.StartsWith("0x", StringComparison.Ordinal) && HexInteger().IsMatch(text))
        {
            value = FromDigits(text[2..], 16);
            return true;
        }
        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalInteger().IsMatch(text))
        {
            value = FromDigits(text[2..], 8);
            return true;
        }
        var sign = text.StartsWith('-') ? -1 : 1;
        if (Infinity().IsMatch(text)) value = sign * double.PositiveInfinity;
        else if (NotANumber().IsMatch(text)) value = double.NaN;
        else return false;
        return true;
    }

    private static double FromDigits(string digits, int radix)
    {
        var value = 0.0;
        foreach (var digit in digits) value = (value * radix) + (digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10);
        return value;
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex HexInteger();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex OctalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)$")]
    private static partial Regex Infinity();

    [GeneratedRegex(@"^\.(nan|NaN|NAN)$")]
    private static partial Regex NotANumber();

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<)$")]
    private static partial Regex Yaml11Words();

    // YAML 1.1 numbers, sexagesimals ("16:9") and timestamps ("2024-01-01") all fit this shape.
    [GeneratedRegex("^[-+.]?[0-9][0-9a-fA-FxXoObB_:.+-]*$")]
    private static partial Regex NumberLike();
}
