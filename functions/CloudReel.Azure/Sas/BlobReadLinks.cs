using System.Security.Cryptography;
using System.Text;
using CloudReel.Azure.Storage;

namespace CloudReel.Azure.Sas;

/// <summary>
/// Signed read links to one blob: a service SAS signed with the account key, or a user delegation
/// SAS signed with a key obtained through Entra ID. Always read-only (sp=r), scoped to the blob
/// (sr=b), https-only unless the endpoint itself is http (Azurite), and short-lived.
/// </summary>
public static class BlobReadLinks
{
    /// <summary>
    /// The signed version (sv). Its string-to-sign layout (the 2020-12-06 one) is the one Azure and
    /// Azurite both verify; request headers use the newer <see cref="StorageClientOptions.ServiceVersion"/>.
    /// </summary>
    public const string SasVersion = "2024-11-04";

    /// <summary>Links start a little in the past, so a clock slightly behind the service's still accepts them.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The longest a link may live.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    public static Uri ServiceSas(Uri blobUri, SharedKey key, string container, string blobName, DateTimeOffset now, TimeSpan lifetime)
    {
        var (start, expiry, protocol) = Window(blobUri, now, lifetime);
        string[] fields =
        [
            "r", start, expiry, CanonicalResource(key.AccountName, container, blobName),
            "", "", protocol, SasVersion, "b", "", "", "", "", "", "", "",
        ];
        var signature = key.Sign(string.Join('\n', fields));
        return Append(blobUri, [("sv", SasVersion), ("sr", "b"), ("sp", "r"), ("st", start), ("se", expiry), ("spr", protocol), ("sig", signature)]);
    }

    public static Uri UserDelegationSas(Uri blobUri, UserDelegationKey key, string accountName, string container, string blobName, DateTimeOffset now, TimeSpan lifetime)
    {
        var (start, expiry, protocol) = Window(blobUri, now, lifetime);
        if (now + lifetime > key.SignedExpiry) throw new ArgumentException("The link would outlive its user delegation key.", nameof(lifetime));
        string[] keyFields = [key.SignedObjectId, key.SignedTenantId, SasTime.Format(key.SignedStart), SasTime.Format(key.SignedExpiry), key.SignedService, key.SignedVersion];
        string[] fields =
        [
            "r", start, expiry, CanonicalResource(accountName, container, blobName),
            .. keyFields,
            "", "", "", "", protocol, SasVersion, "b", "", "", "", "", "", "", "",
        ];
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key.Value), Encoding.UTF8.GetBytes(string.Join('\n', fields))));
        return Append(blobUri,
        [
            ("sv", SasVersion), ("sr", "b"), ("sp", "r"), ("st", start), ("se", expiry), ("spr", protocol),
            ("skoid", keyFields[0]), ("sktid", keyFields[1]), ("skt", keyFields[2]), ("ske", keyFields[3]), ("sks", keyFields[4]), ("skv", keyFields[5]),
            ("sig", signature),
        ]);
    }

    /// <summary>"/blob/account/container/blob": the resource a blob SAS is scoped to.</summary>
    public static string CanonicalResource(string accountName, string container, string blobName) => $"/blob/{accountName}/{container}/{blobName}";

    private static (string Start, string Expiry, string Protocol) Window(Uri blobUri, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A read link lives more than zero and at most {MaxLifetime.TotalDays} days.");
        }

        var protocol = blobUri.Scheme == Uri.UriSchemeHttps ? "https" : "https,http";
        return (SasTime.Format(now - ClockSkew), SasTime.Format(now + lifetime), protocol);
    }

    private static Uri Append(Uri blobUri, IEnumerable<(string Name, string Value)> parameters) =>
        new(blobUri.AbsoluteUri + "?" + string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}")));
}
