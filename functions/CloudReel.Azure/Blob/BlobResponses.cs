using System.Globalization;
using System.Text.RegularExpressions;
using Azure;

namespace CloudReel.Azure.Blob;

/// <summary>Reads blob properties out of response headers.</summary>
internal static partial class BlobResponses
{
    private const string MetadataPrefix = "x-ms-meta-";

    public static BlobProperties Properties(Response response)
    {
        var headers = response.Headers;
        var length = headers.TryGetValue("Content-Length", out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        headers.TryGetValue("Content-Type", out var contentType);
        DateTimeOffset? modified = headers.TryGetValue("Last-Modified", out var date)
            ? DateTimeOffset.Parse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
        var metadata = headers
            .Where(h => h.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name[MetadataPrefix.Length..], h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new BlobProperties(length, contentType, ETagOf(response), modified, metadata);
    }

    public static ETag ETagOf(Response response) =>
        response.Headers.ETag ?? throw new InvalidOperationException("Storage answered without an ETag.");

    /// <summary>The whole blob's length from "Content-Range: bytes 0-99/1234".</summary>
    public static long? TotalLength(Response response) =>
        response.Headers.TryGetValue("Content-Range", out var range) && range.LastIndexOf('/') is var slash and > 0
            && long.TryParse(range[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? total
            : null;

    public static bool IsMetadataName(string name) => MetadataName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,255}$")]
    private static partial Regex MetadataName();
}
