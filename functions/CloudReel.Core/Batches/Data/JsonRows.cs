using CloudReel.Core.Orders;
using CloudReel.Core.Templates;

namespace CloudReel.Core.Batches.Data;

/// <summary>
/// Rows as JSON: one object per line (JSONL) or an array of objects. A row is either the variables
/// themselves (<c>{"city": "西安", "name": "xian"}</c>) or <c>{"outputKey": "xian", "variables": {…}}</c>.
/// </summary>
internal static class JsonRows
{
    private const string VariablesKey = "variables";

    public static IEnumerable<DataRow> ReadLines(string text, string file, ICollection<OrderError> errors)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var row = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            row++;
            var problems = new OrderProblems();
            var node = JsonNodeReader.Read(lines[i], problems);
            foreach (var problem in problems.Items) errors.Add(new OrderError(file, i + 1, problem.Position.Column, $"row {row}", problem.Message));
            if (node is null) continue;
            if (RowOf(node, row, i, file, errors) is { } made) yield return made;
        }
    }

    public static IEnumerable<DataRow> ReadArray(string text, string file, ICollection<OrderError> errors)
    {
        var problems = new OrderProblems();
        var root = JsonNodeReader.Read(text, problems);
        foreach (var problem in problems.Items) errors.Add(new OrderError(file, problem.Position.Line, problem.Position.Column, "rows", problem.Message));
        if (root is null) yield break;
        if (root is not SequenceNode rows)
        {
            errors.Add(new OrderError(file, root.Position.Line, root.Position.Column, "rows", "expected an array of rows, [{…}, {…}]"));
            yield break;
        }

        for (var i = 0; i < rows.Items.Count; i++)
        {
            if (RowOf(rows.Items[i], i + 1, 0, file, errors) is { } made) yield return made;
        }
    }

    private static DataRow? RowOf(OrderNode node, int row, int lineOffset, string file, ICollection<OrderError> errors)
    {
        var line = node.Position.Line + lineOffset;
        if (node is not MappingNode mapping)
        {
            errors.Add(new OrderError(file, line, node.Position.Column, $"row {row}", "expected an object of variables, {\"city\": \"…\"}"));
            return null;
        }

        var cells = new List<DataCell>();
        var wrapped = mapping.Find(VariablesKey) is MappingNode && mapping.Entries.All(e => e.Key.Text == VariablesKey || DataRow.NameColumns.Contains(e.Key.Text));
        foreach (var (key, value) in mapping.Entries)
        {
            if (wrapped && key.Text == VariablesKey)
            {
                cells.AddRange(((MappingNode)value).Entries.Select(e => Cell(e, lineOffset)));
                continue;
            }

            cells.Add(Cell(new NodeEntry(key, value), lineOffset));
        }

        return new DataRow(row, line, cells);
    }

    private static DataCell Cell(NodeEntry entry, int lineOffset) =>
        new(entry.Key.Text, entry.Value.Position.Line + lineOffset, entry.Value.Position.Column, TemplateValues.FromNode(entry.Value));
}
