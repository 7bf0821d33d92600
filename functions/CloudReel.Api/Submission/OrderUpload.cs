using CloudReel.Api.Http;
using CloudReel.Core.Intake;
using CloudReel.Core.Ports;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Submission;

/// <summary>
/// An order sent as multipart/form-data with its files: the part named "order" is the order (a YAML or
/// JSON file, or its text), every other file part is a file it names, under the path given as the part's
/// name (else its file name). The order is held to the order size limit; the whole upload to <see cref="ApiOptions.MaxUploadBytes"/>.
/// </summary>
public static class OrderUpload
{
    public const string OrderPart = "order";

    /// <summary>The order's text and format and its files; or the answer that refuses the upload.</summary>
    public static async Task<(string? Text, string? Extension, UploadedOrderFiles? Files, string FilesHash, IResult? Refusal)> ReadAsync(
        HttpRequest request, ApiOptions options, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        string? text = null;
        string? extension = null;
        if (form.Files.GetFile(OrderPart) is { } orderFile)
        {
            if (orderFile.Length > options.MaxOrderBytes) return (null, null, null, "", ApiProblems.TooLarge(request, options.MaxOrderBytes));
            extension = ExtensionOf(orderFile.FileName) ?? OrderFormat.FromContentType(orderFile.ContentType);
            using var reader = new StreamReader(orderFile.OpenReadStream());
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        else if (form.TryGetValue(OrderPart, out var field) && field.ToString() is { Length: > 0 } value)
        {
            text = value;
            extension = value.TrimStart().StartsWith('{') ? OrderDocument.Json : OrderDocument.Yaml;
        }

        if (text is null) return (null, null, null, "", ApiProblems.BadRequest(request, "The upload has no part named 'order': send the order (YAML or JSON) as it, and its files beside it."));
        if (extension is null) return (null, null, null, "", ApiProblems.BadRequest(request, "The order part is neither YAML (.yaml, .yml) nor JSON (.json)."));
        if (text.Length > options.MaxOrderBytes) return (null, null, null, "", ApiProblems.TooLarge(request, options.MaxOrderBytes));

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var part in form.Files.Where(f => f.Name != OrderPart))
        {
            var path = StoreLayout.IsSafeRelativePath(part.Name) && part.Name.Contains('.') ? part.Name : Path.GetFileName(part.FileName);
            if (!StoreLayout.IsSafeRelativePath(path)) return (null, null, null, "", ApiProblems.BadRequest(request, $"'{part.FileName}' is not a file name an order can use."));
            using var buffer = new MemoryStream();
            await part.CopyToAsync(buffer, cancellationToken);
            files[path] = buffer.ToArray();
        }

        var filesHash = FilmIds.Hash(files.OrderBy(f => f.Key, StringComparer.Ordinal).SelectMany(f => new[] { f.Key, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Value)) }).ToArray());
        return (text.TrimStart('\uFEFF'), extension, new UploadedOrderFiles(files), filesHash, null);
    }

    private static string? ExtensionOf(string? fileName) => Path.GetExtension(fileName)?.ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => OrderDocument.Yaml,
        ".json" => OrderDocument.Json,
        _ => null,
    };
}
