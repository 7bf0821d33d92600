using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CloudReel.Models.Kling;

/// <summary>
/// Kling's credential: an HS256 JWT with iss = access key, exp = now + 30 min and nbf = now − 5 s,
/// signed with the secret key, reused until five minutes before it expires.
/// </summary>
public sealed class KlingJwt(string accessKey, string secretKey, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Renew = TimeSpan.FromMinutes(5);
    private readonly Lock _gate = new();
    private (string Token, DateTimeOffset Expires)? _current;

    public string Token
    {
        get
        {
            var now = time.GetUtcNow();
            lock (_gate)
            {
                if (_current is { } current && current.Expires - now > Renew) return current.Token;
                var expires = now + Lifetime;
                _current = (Sign(accessKey, secretKey, now, expires), expires);
                return _current.Value.Token;
            }
        }
    }

    public static string Sign(string accessKey, string secretKey, DateTimeOffset now, DateTimeOffset expires)
    {
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = accessKey,
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["nbf"] = now.AddSeconds(-5).ToUnixTimeSeconds(),
        }));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Base64Url(signature);
    }

    public static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
