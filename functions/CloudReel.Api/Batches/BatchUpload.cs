using System.Text;
using System.Text.Json;
using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Batches;

/// <summary>
/// The body of POST /api/batches, in either shape: JSON <c>{"template": "…yaml or json text…" | {…order…},
/// "rows": [{…}, …], "name": "…", "filmsAtOnce": 4, "budget": 20}</c>, or multipart/form-data with a
/// <c>template</c> file (.yaml, .yml or .json) and a <c>data</c> file (.csv, .jsonl or .json), and the same
/// settings as form fields.
/// </summary>
public sealed record BatchUpload(OrderDocument Template, BatchData Data, string? Name, int FilmsAtOnce, decimal? Budget, string Hash)
{
    public const int DefaultFilmsAtOnce = 4;

    /// <summary>The upload, or why it cannot be read (a sentence for the 400's detail).</summary>
    public static async Task<(BatchUpload? Upload, string? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType) return await ReadFormAsync(request, maxBytes, cancellationToken);
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, "Send the batch as application/json ({\"template\": …, \"rows\": […]}) or as multipart/form-data (template and data files).");
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException bad)
        {
            return (null, $"The body is not JSON: {bad.Message}");
        }

        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "The body must be a JSON object with template and rows.");
            if (!root.TryGetProperty("template", out var template) || template.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
            {
                return (null, "template: give the template order as a string (YAML or JSON) or as a JSON object.");
            }

            if (!root.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array) return (null, "rows: give the rows as a JSON array of objects.");
            var document = template.ValueKind == JsonValueKind.Object
                ? new OrderDocument(template.GetRawText(), OrderDocument.Json, "template.json")
                : TemplateText(template.GetString()!);
            var data = new BatchData(rows.GetRawText(), "rows.json");
            return Settings(document, data, Text(root, "name"), Text(root, "filmsAtOnce"), Text(root, "budget"));
        }
    }

    private static async Task<(BatchUpload?, string?)> ReadFormAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var template = form.Files["template"];
        var data = form.Files["data"];
        if (template is null || data is null) return (null, "Send two files: template (.yaml, .yml or .json) and data (.csv, .jsonl or .json).");
        if (template.Length + data.Length > maxBytes) return (null, $"The template and data may have at most {maxBytes} bytes together.");
        var templateName = Path.GetFileName(template.FileName);
        if (!templateName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !templateName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            && !templateName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"template: '{templateName}' is not a .yaml, .yml or .json file.");
        }

        var document = OrderDocument.FromFile(await ReadAsync(template, cancellationToken), templateName);
        var batchData = new BatchData(await ReadAsync(data, cancellationToken), Path.GetFileName(data.FileName));
        return Settings(document, batchData, form["name"].FirstOrDefault(), form["filmsAtOnce"].FirstOrDefault(), form["budget"].FirstOrDefault());
    }

    private static (BatchUpload?, string?) Settings(OrderDocument template, BatchData data, string? name, string? filmsAtOnce, string? budget)
    {
        var films = DefaultFilmsAtOnce;
        if (filmsAtOnce is not null && (!int.TryParse(filmsAtOnce, System.Globalization.CultureInfo.InvariantCulture, out films) || films is < 1 or > 100))
        {
            return (null, "filmsAtOnce must be a whole number from 1 to 100.");
        }

        decimal? limit = null;
        if (budget is not null)
        {
            if (!decimal.TryParse(budget, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                return (null, "budget must be a number of at least 0.");
            }

            limit = value;
        }

        if (name is { Length: > 100 }) return (null, "name may have at most 100 characters.");
        var hash = FilmIds.Hash(template.Extension, template.Text, data.DisplayName, data.Text, name ?? "", films.ToString(System.Globalization.CultureInfo.InvariantCulture), budget ?? "");
        return (new BatchUpload(template, data, name, films, limit, hash), null);
    }

    /// <summary>A template given as text: JSON when it is a JSON object, YAML otherwise.</summary>
    private static OrderDocument TemplateText(string text) => text.TrimStart().StartsWith('{')
        ? new OrderDocument(text, OrderDocument.Json, "template.json")
        : new OrderDocument(text, OrderDocument.Yaml, "template.yaml");

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;

    private static async Task<string> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false));
        return (await reader.ReadToEndAsync(cancellationToken)).TrimStart('\uFEFF');
    }
}
