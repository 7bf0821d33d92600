using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Control;

/// <summary>A file sent as a request's body to replace what a shot is made from, and where it is staged with the new film's order.</summary>
internal static class UploadedReplacement
{
    /// <summary>The whole body (its size already capped by the route).</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>replacements/{shot}-{hash}{extension}: the same file for the same shot is staged under the same name.</summary>
    public static string PathFor(string shotId, byte[] content, string extension) =>
        $"replacements/{shotId}-{Convert.ToHexStringLower(SHA256.HashData(content))[..12]}{extension}";
}
