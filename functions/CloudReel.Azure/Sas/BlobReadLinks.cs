using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace CloudReel.Azure.Sas;

/// <summary>
/// Signed read links to one blob: a service SAS signed with the account key when the client has it,
/// else a user delegation SAS signed with a key obtained through Entra ID. Always read-only (sp=r),
/// scoped to the blob (sr=b), https-only unless the endpoint itself is http (Azurite), and short-lived.
/// </summary>
public sealed class BlobReadLinks(BlobServiceClient blobs, TimeProvider time)
{
    /// <summary>Links start a little in the past, so a clock slightly behind the service's still accepts them.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The longest a link may live (and a user delegation key with it).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    private readonly UserDelegationKeys _keys = new(blobs);

    public async Task<Uri> ForAsync(BlobClient blob, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A read link lives more than zero and at most {MaxLifetime.TotalDays} days.");
        }

        var now = time.GetUtcNow();
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(sas);

        var key = await _keys.ForAsync(now, lifetime, cancellationToken);
        return blob.GenerateUserDelegationSasUri(sas, key);
    }
}
