using System.Security.Cryptography;
using System.Text;
using CloudReel.Core.Text;

namespace CloudReel.Core.Intake;

/// <summary>
/// Film ids: a slug of the title and a short hex tag. The tag is random for a plain request, and
/// derived from what identifies the request otherwise (an idempotency key, a blob's name and ETag),
/// so the same request always names the same film.
/// </summary>
public static class FilmIds
{
    /// <summary>A new film's id: 64 random bits, so two films never meet (and staging never overwrites one that did).</summary>
    public static string Random(string title) => $"{Slug.From(title, maxLength: 32)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}";

    public static string Derived(string title, params string[] identity) => $"{Slug.From(title, maxLength: 32)}-{Hash(identity)[..8]}";

    /// <summary>Lower-case hex SHA-256 of the parts, joined by newlines.</summary>
    public static string Hash(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)))).ToLowerInvariant();
}
