using CloudReel.Azure.Blob;
using CloudReel.Azure.Sas;

namespace CloudReel.Azure.Store;

/// <summary>
/// One user delegation key at a time, fetched through Entra ID and reused for every link it can
/// sign (a key lasts a day here, longer when a link needs it; a link must not outlive its key).
/// </summary>
internal sealed class UserDelegationKeys(BlobStorageClient client)
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
                || (_key.IsCompletedSuccessfully && _key.Result.SignedExpiry < now + linkLifetime + Margin);
            if (stale)
            {
                var lifetime = linkLifetime + Margin + Margin > KeyLifetime ? BlobReadLinks.MaxLifetime : KeyLifetime;
                _key = client.GetUserDelegationKeyAsync(now - BlobReadLinks.ClockSkew, now + lifetime, CancellationToken.None);
            }

            key = _key!;
        }

        return key.WaitAsync(cancellationToken);
    }
}
