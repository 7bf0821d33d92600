using CloudReel.Core.Intake;
using Microsoft.Net.Http.Headers;

namespace CloudReel.Api.Submission;

/// <summary>Which order format a request carries: JSON or YAML, by media type.</summary>
public static class OrderFormat
{
    private const string Json = OrderDocument.Json;
    private const string Yaml = OrderDocument.Yaml;

    /// <summary>".json" or ".yaml" for a Content-Type, or null when it is neither.</summary>
    public static string? FromContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type) return null;
        return type.ToLowerInvariant() switch
        {
            "application/json" => Json,
            "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => Yaml,
            _ when type.EndsWith("+json", StringComparison.OrdinalIgnoreCase) => Json,
            _ when type.EndsWith("+yaml", StringComparison.OrdinalIgnoreCase) => Yaml,
            _ => null,
        };
    }
}
