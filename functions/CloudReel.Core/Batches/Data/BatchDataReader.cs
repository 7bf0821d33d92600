using CloudReel.Core.Orders;

namespace CloudReel.Core.Batches.Data;

/// <summary>Reads a batch's rows by the data file's extension: .csv, .jsonl / .ndjson, or .json (an array); by its first character otherwise.</summary>
internal static class BatchDataReader
{
    /// <param name="data">The data as it arrived.</param>
    /// <param name="errors">Where problems of reading go, located.</param>
    /// <param name="header">Called with a CSV header's columns and line before the first row.</param>
    public static IEnumerable<DataRow> Read(BatchData data, ICollection<OrderError> errors, Action<IReadOnlyList<string>, int> header)
    {
        var name = data.DisplayName;
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return CsvRows.Read(data.Text, name, errors, header);
        if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return JsonRows.ReadLines(data.Text, name, errors);
        }

        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return JsonRows.ReadArray(data.Text, name, errors);
        return data.Text.TrimStart('\uFEFF').TrimStart() switch
        {
            ['[', ..] => JsonRows.ReadArray(data.Text, name, errors),
            ['{', ..] => JsonRows.ReadLines(data.Text, name, errors),
            _ => CsvRows.Read(data.Text, name, errors, header),
        };
    }
}
