using System.Security.Cryptography;

namespace CloudReel.Core.Ports;

/// <summary>
/// The one check before anything cached in the store is reused: it must hold exactly the bytes
/// recorded when it was made (size, then SHA-256). What fails is moved aside to
/// <c>clips/quarantine/…</c> (kept for a person to look at, never reused) so it is made again.
/// </summary>
public static class CachedContent
{
    /// <summary>True when <paramref name="name"/> exists with exactly <paramref name="bytes"/> bytes hashing to <paramref name="sha256"/>.</summary>
    public static async Task<bool> IsIntactAsync(IClipStore store, string name, long bytes, string sha256, CancellationToken cancellationToken)
    {
        if (await store.GetSizeAsync(name, cancellationToken) != bytes) return false;
        await using var content = await store.OpenReadAsync(name, cancellationToken);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        return string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Moves each of <paramref name="names"/> that exists to the quarantine, under the time it was found damaged.</summary>
    public static async Task QuarantineAsync(IClipStore store, IEnumerable<string> names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var name in names)
        {
            if (!await store.ExistsAsync(name, cancellationToken)) continue;
            await using (var content = await store.OpenReadAsync(name, cancellationToken))
            {
                await store.PutAsync(StoreLayout.Quarantined(name, stamp), content, ContentTypes.Of(name), overwrite: true, cancellationToken);
            }

            await store.DeleteAsync(name, cancellationToken);
        }
    }
}
