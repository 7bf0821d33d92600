using System.Globalization;
using CloudReel.Core.Orders;
using CloudReel.Core.Templates;
using CsvHelper;
using CsvHelper.Configuration;

namespace CloudReel.Core.Batches.Data;

/// <summary>
/// Rows of a CSV file (RFC 4180: a header row, fields quoted when they hold commas, quotes or line
/// breaks; UTF-8 with or without a BOM), read one at a time. A row whose number of fields differs from
/// the header's, or a stray quote, is reported at its line and not used.
/// </summary>
internal static class CsvRows
{
    public static IEnumerable<DataRow> Read(string text, string file, ICollection<OrderError> errors, Action<IReadOnlyList<string>, int> header)
    {
        var badField = (string?)null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => badField ??= args.Field,
            DetectDelimiter = false,
            IgnoreBlankLines = true,
        };
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        using var parser = new CsvParser(reader, configuration);
        string[]? columns = null;
        var row = 0;
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            var line = StartLine(parser);
            if (badField is not null)
            {
                errors.Add(new OrderError(file, line, 1, columns is null ? "header" : $"row {row + 1}",
                    $"a stray '\"' in '{NodeText.Quote(badField)}': put the whole field in quotes and double every quote inside it (\"\")"));
                badField = null;
                if (columns is not null) row++;
                continue;
            }

            if (columns is null)
            {
                columns = record.Select(c => c.Trim()).ToArray();
                header(columns, line);
                continue;
            }

            row++;
            if (record.Length != columns.Length)
            {
                errors.Add(new OrderError(file, line, 1, $"row {row}",
                    $"has {record.Length} field(s) but the header has {columns.Length} column(s); put a field with commas in quotes"));
                continue;
            }

            yield return new DataRow(row, line, columns.Select((c, i) => new DataCell(c, line, i + 1, TemplateValue.Of(record[i]))).ToList());
        }

        if (columns is null) errors.Add(new OrderError(file, 1, 1, "header", "the CSV file is empty: it needs a header row naming the variables, then one row per film"));
    }

    /// <summary>The line a record starts on: the parser counts the lines it has read, and the record's own line breaks are in its raw text.</summary>
    private static int StartLine(CsvParser parser)
    {
        var raw = parser.RawRecord.TrimEnd('\r', '\n');
        return parser.RawRow - raw.Count(c => c == '\n');
    }
}
