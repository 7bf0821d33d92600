using System.Security.Cryptography;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Batches;

/// <summary>
/// Reads each distinct file through once: a batch's rows often share pictures (a logo, a music bed),
/// and reading one through FFmpeg for each of a thousand rows would cost minutes. Files are told
/// apart by their SHA-256, so two paths to the same bytes are read once too.
/// </summary>
internal sealed class OncePerContentProbe(IMediaFileProbe inner) : IMediaFileProbe
{
    private readonly Dictionary<(string Hash, MediaFileKind Kind), string?> _verdicts = [];

    public async Task<string?> ProblemWithAsync(Stream content, MediaFileKind kind, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var key = (Convert.ToHexStringLower(SHA256.HashData(copy.GetBuffer().AsSpan(0, (int)copy.Length))), kind);
        if (_verdicts.TryGetValue(key, out var known)) return known;
        copy.Position = 0;
        var verdict = await inner.ProblemWithAsync(copy, kind, cancellationToken);
        _verdicts[key] = verdict;
        return verdict;
    }

    public Task<double?> VideoSecondsAsync(Stream content, CancellationToken cancellationToken = default) => inner.VideoSecondsAsync(content, cancellationToken);
}
