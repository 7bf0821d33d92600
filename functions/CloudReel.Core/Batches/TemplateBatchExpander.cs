using System.Text.RegularExpressions;
using CloudReel.Core.Batches.Data;
using CloudReel.Core.Intake;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Templates;

namespace CloudReel.Core.Batches;

/// <summary>
/// Makes a template and its rows into one order per row, checking every row before anything is spent:
/// the template as a template, each row's values against the variables' types, film names, and then
/// each row's order through the one order validation. Every error of every row is returned, located
/// at the data file, row, column and the order field the value lands in
/// (<c>cities.csv:17:3: row 16 column 'image' → shots[2].image: file not found: refs/xian.jpg</c>);
/// an error of the template's own text is reported once, at the template's line.
/// </summary>
/// <param name="models">The models this host can order.</param>
/// <param name="probe">Reads pictures and sound files through, as the film intake does; each file once per batch, however many rows use it.</param>
public sealed partial class TemplateBatchExpander(IVideoModelCatalog models, IMediaFileProbe? probe = null) : IBatchExpander
{
    public async Task<BatchExpansion> ExpandAsync(OrderDocument template, BatchData data, IOrderSource files, CancellationToken cancellationToken)
    {
        var (parsed, templateErrors) = OrderTemplate.Parse(template);
        if (parsed is null) return new BatchExpansion([], templateErrors);

        var pass = new Pass(parsed, data, models.OrderLoader(files, probe is null ? null : new OncePerContentProbe(probe)), files);
        foreach (var row in BatchDataReader.Read(data, pass.Errors, pass.CheckHeader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await pass.ExpandAsync(row, cancellationToken);
        }

        if (pass.Rows.Count == 0 && pass.Errors.Count == 0)
        {
            pass.Errors.Add(new OrderError(data.DisplayName, 1, 1, "rows", "there are no rows: give one row per film"));
        }

        return new BatchExpansion(pass.Errors.Count == 0 ? pass.Rows : [], pass.Errors);
    }

    /// <summary>A film's name: letters (any script), digits, '-', '_' and '.', up to 80, safe as a file name.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}_](?:[\p{L}\p{N}._-]{0,78}[\p{L}\p{N}_-])?$")]
    private static partial Regex KeyPattern();

    /// <summary>One expansion: the rows made so far, the errors found, the names taken.</summary>
    private sealed class Pass(OrderTemplate template, BatchData data, OrderLoader loader, IOrderSource files)
    {
        private readonly TemplateRenderer _renderer = new(template);
        private readonly Dictionary<string, int> _keys = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
        private readonly HashSet<string> _unknownColumns = new(StringComparer.Ordinal);

        public List<BatchRowOrder> Rows { get; } = [];

        public List<OrderError> Errors { get; } = [];

        private string File => data.DisplayName;

        /// <summary>A CSV header: every column must be a variable or the film's name; a required variable needs its column.</summary>
        public void CheckHeader(IReadOnlyList<string> columns, int line)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                CheckColumn(columns[i], line, i + 1);
                var first = columns.ToList().IndexOf(columns[i]);
                if (first < i) Errors.Add(new OrderError(File, line, i + 1, $"column '{columns[i]}'", $"the column '{NodeText.Quote(columns[i])}' is already column {first + 1}; keep one"));
            }

            foreach (var variable in template.Variables.Values.Where(v => v.Required && v.Default is null && !columns.Contains(v.Name)))
            {
                _unknownColumns.Add(variable.Name);
                Errors.Add(new OrderError(File, line, 1, "header", $"no column '{variable.Name}': the template's variable '{variable.Name}' is required"));
            }
        }

        public async Task ExpandAsync(DataRow row, CancellationToken cancellationToken)
        {
            var before = Errors.Count;
            foreach (var cell in row.Cells) CheckColumn(cell.Column, cell.Line, cell.Position);
            var values = Values(row);
            var key = Key(row);
            if (Errors.Count > before) return;

            var rendered = _renderer.Render(values);
            foreach (var problem in rendered.Problems) Errors.Add(AtRow(row, problem.Variable, problem.Field, problem.Message));
            if (Errors.Count > before) return;

            var text = OrderNodeJson.Write(rendered.Root);
            var loaded = await loader.LoadAsync(text, OrderDocument.Json, cancellationToken);
            foreach (var error in loaded.Errors) Locate(row, rendered, error);
            if (Errors.Count > before || key is null) return;
            Rows.Add(new BatchRowOrder(row.Row, key, new OrderDocument(text, OrderDocument.Json, $"{File} row {row.Row} ({key})"), files) { Validated = loaded.Order });
        }

        private void CheckColumn(string column, int line, int position)
        {
            if (template.Variables.ContainsKey(column) || DataRow.NameColumns.Contains(column) || !_unknownColumns.Add(column)) return;
            var hint = Suggestions.Hint(column, template.Variables.Keys.Concat(DataRow.NameColumns));
            Errors.Add(new OrderError(File, line, position, $"column '{column}'",
                $"'{NodeText.Quote(column)}' is not a variable of the template{hint}" + (hint.Length == 0 ? $" (variables: {string.Join(", ", template.Variables.Keys)}; the film's name: name or outputKey)" : "")));
        }

        /// <summary>Every variable's value for the row, typed: the row's, else the default; a required one left empty is an error.</summary>
        private Dictionary<string, TemplateValue?> Values(DataRow row)
        {
            var values = new Dictionary<string, TemplateValue?>(StringComparer.Ordinal);
            foreach (var variable in template.Variables.Values)
            {
                var cell = row.Cell(variable.Name);
                if (cell?.Value is { IsEmpty: false } raw)
                {
                    var (value, problem) = TemplateValues.Convert(variable, raw);
                    if (problem is not null) Errors.Add(AtCell(row, cell, variable.Name, problem));
                    values[variable.Name] = value;
                    continue;
                }

                values[variable.Name] = variable.Default;
                if (variable.Required && variable.Default is null)
                {
                    var message = $"no value for '{variable.Name}'" + (variable.Description is { } d ? $" ({NodeText.Quote(d)})" : "") + ": it is required";
                    Errors.Add(cell is null ? new OrderError(File, row.Line, 1, $"row {row.Row} column '{variable.Name}'", message) : AtCell(row, cell, variable.Name, message));
                }
            }

            return values;
        }

        /// <summary>The film's name from the row's name / outputKey, or "row-N"; unique in the batch and safe as a file name.</summary>
        private string? Key(DataRow row)
        {
            var cell = DataRow.NameColumns.Select(row.Cell).FirstOrDefault(c => c?.Value is { IsEmpty: false });
            var key = cell?.Value?.ToText().Trim() ?? "row-" + row.Row.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (cell is not null && !KeyPattern().IsMatch(key))
            {
                Errors.Add(AtCell(row, cell, cell.Column,
                    $"'{NodeText.Quote(key)}' is not a film name: 1–80 letters, digits, '-', '_' or '.', no spaces or slashes, not starting with '.'"));
                return null;
            }

            if (_keys.TryAdd(key, row.Row)) return key;
            var at = cell ?? new DataCell(DataRow.NameColumns[0], row.Line, 1, null);
            Errors.Add(AtCell(row, at, at.Column, $"the name '{NodeText.Quote(key)}' is already used by row {_keys[key]}; each film needs its own name"));
            return null;
        }

        /// <summary>An error of the row's order, put where it can be fixed: the row's value that filled the field, else the template's line (once).</summary>
        private void Locate(DataRow row, RenderedOrder rendered, OrderError error)
        {
            var field = error.Field == "order" ? FieldPath.Root : error.Field;
            error = error with { Message = error.Message.Replace("relative to the order file", "relative to the template", StringComparison.Ordinal) };
            NodeOrigin? origin = null;
            for (string? path = field; path is not null && origin is null; path = FieldPath.Parent(path)) rendered.Origins.TryGetValue(path, out origin);

            if (origin is { Variables.Count: > 0 })
            {
                var variable = origin.Variables.FirstOrDefault(v => row.Cell(v) is not null) ?? origin.Variables[0];
                Errors.Add(AtRow(row, variable, field, error.Message));
                return;
            }

            var at = origin?.At ?? new SourcePosition(1, 1);
            var inTemplate = new OrderError(template.Document.DisplayName, at.Line, at.Column, FieldPath.Display(origin?.TemplatePath ?? field), error.Message);
            if (_reported.Add(inTemplate.ToString())) Errors.Add(inTemplate);
        }

        private OrderError AtRow(DataRow row, string variable, string field, string message) =>
            row.Cell(variable) is { } cell
                ? AtCell(row, cell, field, message)
                : new OrderError(File, row.Line, 1, $"row {row.Row} (default of '{variable}') → {FieldPath.Display(field)}", message);

        private OrderError AtCell(DataRow row, DataCell cell, string field, string message) =>
            new(File, cell.Line, cell.Position, $"row {row.Row} column '{cell.Column}'" + (field == cell.Column ? "" : " → " + FieldPath.Display(field)), message);
    }
}
