using System.Security.Cryptography;
using System.Text;
using CloudReel.Core.Ports;

namespace CloudReel.Media.Assembly.Clean;

/// <summary>
/// Normalised copies in the clip store, at <c>clips/normalised/&lt;profile&gt;/&lt;key&gt;.mp4</c>: shared
/// by every film on the same store, like the clips themselves. A name that is not a content-addressed
/// clip is keyed by its SHA-256.
/// </summary>
public sealed class StoreNormalisedClipCache(IClipStore store) : INormalisedClipCache
{
    public async Task<string?> FindAsync(string clipName, string profile, CancellationToken cancellationToken = default)
    {
        var name = NameOf(clipName, profile);
        return await store.ExistsAsync(name, cancellationToken) ? await store.GetLocalPathAsync(name, cancellationToken) : null;
    }

    public async Task StoreAsync(string clipName, string profile, string localPath, CancellationToken cancellationToken = default)
    {
        await using var content = File.OpenRead(localPath);
        await store.PutAsync(NameOf(clipName, profile), content, ContentTypes.Of(localPath), overwrite: false, cancellationToken);
    }

    private static string NameOf(string clipName, string profile) =>
        StoreLayout.NormalisedClip(StoreLayout.ContentKeyOf(clipName) ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clipName))), profile);
}
