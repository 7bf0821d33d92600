using System.Text;

namespace CloudReel.Core.Orders;

/// <summary>
/// Writes a film order as YAML a person can edit (e.g. the planner's storyboard before rendering):
/// fields in their usual order, defaults left out, quotes only where YAML needs them.
/// </summary>
public static class OrderYamlWriter
{
    /// <param name="order">The order to write.</param>
    /// <param name="schemaPath">When given, a first-line <c># yaml-language-server: $schema=…</c> so editors check and complete the file.</param>
    /// <param name="headerComments">Comment lines written at the top, without their '#'.</param>
    public static string Write(FilmOrder order, string? schemaPath = null, IReadOnlyList<string>? headerComments = null)
    {
        var text = new StringBuilder();
        if (schemaPath is not null) text.Append("# yaml-language-server: $schema=").Append(schemaPath).Append('\n');
        foreach (var line in (headerComments ?? []).SelectMany(c => c.ReplaceLineEndings("\n").Split('\n')))
        {
            text.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        }
        if (text.Length > 0) text.Append('\n');
        return text.Append(YamlNodeWriter.Write(OrderNodes.FromOrder(order))).ToString();
    }
}
