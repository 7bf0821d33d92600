using CloudReel.Core.Templates;

namespace CloudReel.Core.Batches.Data;

/// <summary>One value of a row, with where it stands in the data file.</summary>
/// <param name="Column">The column (CSV header) or key (JSON) it is under.</param>
/// <param name="Line">The line it is on, 1-based.</param>
/// <param name="Position">The CSV column's number, or the JSON value's character column, 1-based.</param>
/// <param name="Value">The value as written: text for CSV, typed for JSON; null for a JSON null.</param>
internal sealed record DataCell(string Column, int Line, int Position, TemplateValue? Value);

/// <summary>One row of a batch's data.</summary>
/// <param name="Row">Its number as people count: 1 is the first data row (a CSV header is not counted).</param>
/// <param name="Line">The line it starts on, 1-based.</param>
/// <param name="Cells">Its values, in the order written.</param>
internal sealed record DataRow(int Row, int Line, IReadOnlyList<DataCell> Cells)
{
    /// <summary>The film's name columns: <c>name</c> or <c>outputKey</c> (HyperFrames' JSONL rows).</summary>
    public static readonly IReadOnlyList<string> NameColumns = ["name", "outputKey"];

    public DataCell? Cell(string column) => Cells.FirstOrDefault(c => c.Column == column);
}
