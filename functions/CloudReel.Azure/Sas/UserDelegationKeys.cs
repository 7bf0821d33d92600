using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CloudReel.Azure.Sas;

/// <summary>
/// One user delegation key at a time, fetched through Entra ID and reused for every link it can
/// sign (a key lasts a day here, longer when a link needs it; a link never outlives its key).
/// </summary>
internal sealed class UserDelegationKeys(BlobServiceClient blobs)
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(1);
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly Lock _gate = new();
    private Task<UserDelegationKey>? _key;

    public Task<UserDelegationKey> ForAsync(DateTimeOffset now, TimeSpan linkLifetime, CancellationToken cancellationToken)
    {
        Task<UserDelegationKey> key;
        lock (_gate)
        {
            var stale = _key is null || _key.IsFaulted || _key.IsCanceled
                || (_key.IsCompletedSuccessfully && _key.Result.SignedExpiresOn < now + linkLifetime + Margin);
            if (stale)
            {
                var lifetime = linkLifetime + Margin + Margin > KeyLifetime ? BlobReadLinks.MaxLifetime : KeyLifetime;
                _key = FetchAsync(now - BlobReadLinks.ClockSkew, now + lifetime);
            }

            key = _key!;
        }

        return key.WaitAsync(cancellationToken);
    }

    private async Task<UserDelegationKey> FetchAsync(DateTimeOffset start, DateTimeOffset expiry) =>
        await blobs.GetUserDelegationKeyAsync(start, expiry, CancellationToken.None);
}
