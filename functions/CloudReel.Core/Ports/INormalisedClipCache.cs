namespace CloudReel.Core.Ports;

/// <summary>
/// Clips conformed to an output profile (size, rate, pixel format, codec settings), kept so the
/// clean master can stream-copy them. Keyed by the clip's store name and a profile tag, so a clip is
/// conformed once per profile, for every film that uses it.
/// </summary>
public interface INormalisedClipCache
{
    /// <summary>A local file holding the clip's normalised copy for <paramref name="profile"/>, or null.</summary>
    Task<string?> FindAsync(string clipName, string profile, CancellationToken cancellationToken = default);

    /// <summary>Keeps <paramref name="localPath"/> as the clip's normalised copy for <paramref name="profile"/>.</summary>
    Task StoreAsync(string clipName, string profile, string localPath, CancellationToken cancellationToken = default);
}
