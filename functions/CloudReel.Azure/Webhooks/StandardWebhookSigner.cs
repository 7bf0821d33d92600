using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudReel.Azure.Webhooks;

/// <summary>
/// Signs webhook deliveries the Standard Webhooks way: HMAC-SHA256 with the secret's bytes over
/// "{webhook-id}.{webhook-timestamp}.{body}", sent as "webhook-signature: v1,{base64}". The secret
/// is "whsec_" followed by base64 (as Standard Webhooks libraries generate and expect it).
/// </summary>
public sealed class StandardWebhookSigner
{
    public const string SecretPrefix = "whsec_";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    private readonly byte[] _key;

    public StandardWebhookSigner(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try
        {
            _key = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw new FormatException("A webhook secret is 'whsec_' followed by base64 (e.g. from `openssl rand -base64 32`).");
        }

        if (_key.Length < 16) throw new FormatException("A webhook secret needs at least 16 bytes (24 base64 characters).");
    }

    /// <summary>The three headers for one delivery of <paramref name="body"/>.</summary>
    public IReadOnlyDictionary<string, string> Sign(string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var prefix = Encoding.UTF8.GetBytes($"{messageId}.{seconds}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, content));
        return new Dictionary<string, string>
        {
            [IdHeader] = messageId,
            [TimestampHeader] = seconds,
            [SignatureHeader] = "v1," + signature,
        };
    }

    /// <summary>A new secret in the Standard Webhooks form, for `cloudreel` docs and tests.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Never the secret.</summary>
    public override string ToString() => "Standard Webhooks signer";
}
