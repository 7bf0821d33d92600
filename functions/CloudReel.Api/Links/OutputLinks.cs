using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CloudReel.Api.Http;
using CloudReel.Api.Status;
using CloudReel.Core.Ports;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Links;

/// <summary>
/// Short-lived, read-only links to a film's outputs. Blob Storage signs its own (SAS); for a store
/// that cannot (a local folder) the API signs a link to its own GET /api/films/{id}/outputs/{file}
/// with an HMAC over film, file and expiry, checked when the link is used.
/// </summary>
public sealed class OutputLinks(IClipStore store, byte[] signingKey, TimeProvider time, TimeSpan lifetime)
{
    public async Task<FilmOutput> LinkAsync(HttpRequest request, string filmId, string file, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow().Add(lifetime);
        var link = await store.GetReadLinkAsync(StoreLayout.FilmOutput(filmId, file), lifetime, cancellationToken);
        if (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)
        {
            var seconds = expires.ToUnixTimeSeconds();
            link = new Uri($"{ApiUrls.Base(request)}/api/films/{filmId}/outputs/{Uri.EscapeDataString(file)}"
                + $"?expires={seconds.ToString(CultureInfo.InvariantCulture)}&sig={Sign(filmId, file, seconds)}");
        }

        return new FilmOutput(file, ContentTypes.Of(file), link.AbsoluteUri, expires.UtcDateTime);
    }

    /// <summary>
    /// A short-lived link to the clip that made one shot of a film (its storyboard card plays it): the store's
    /// own signed link, or one to GET /api/films/{id}/shots/{shotId}/clip signed for that shot.
    /// </summary>
    public async Task<(string Url, DateTime ExpiresUtc)> ShotClipLinkAsync(HttpRequest request, string filmId, string shotId, string contentKey, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow().Add(lifetime);
        var link = await store.GetReadLinkAsync(StoreLayout.Clip(contentKey), lifetime, cancellationToken);
        if (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)
        {
            var seconds = expires.ToUnixTimeSeconds();
            link = new Uri($"{ApiUrls.Base(request)}/api/films/{filmId}/shots/{Uri.EscapeDataString(shotId)}/clip"
                + $"?expires={seconds.ToString(CultureInfo.InvariantCulture)}&sig={Sign(filmId, ShotClipName(shotId), seconds)}");
        }

        return (link.AbsoluteUri, expires.UtcDateTime);
    }

    /// <summary>Whether a shot clip link's expiry and signature are ours and still good.</summary>
    public bool VerifyShotClip(string filmId, string shotId, string? expires, string? signature) => Verify(filmId, ShotClipName(shotId), expires, signature);

    /// <summary>What a shot's clip link is signed for: never an output's name (those have no '/').</summary>
    private static string ShotClipName(string shotId) => "shots/" + shotId + "/clip";

    /// <summary>Whether a link's expiry and signature are ours and still good.</summary>
    public bool Verify(string filmId, string file, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null) return false;
        if (time.GetUtcNow().ToUnixTimeSeconds() > seconds) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(filmId, file, seconds)), Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>The key for links: the configured one, else one derived from the API key, else a random one for this process.</summary>
    public static byte[] KeyFrom(ApiOptions options) =>
        options.LinkSigningKey is { Length: > 0 } configured ? Encoding.UTF8.GetBytes(configured)
        : options.Key is { Length: > 0 } apiKey ? SHA256.HashData(Encoding.UTF8.GetBytes("cloudreel-output-links\n" + apiKey))
        : RandomNumberGenerator.GetBytes(32);

    private string Sign(string filmId, string file, long expires)
    {
        var mac = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes($"{filmId}\n{file}\n{expires.ToString(CultureInfo.InvariantCulture)}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
