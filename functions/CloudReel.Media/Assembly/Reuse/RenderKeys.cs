using System.Security.Cryptography;
using System.Text;

namespace CloudReel.Media.Assembly.Reuse;

/// <summary>
/// Keys of encoded pieces. A piece's key is a SHA-256 of the FFmpeg command that would make it alone,
/// written with <see cref="InputIdentity"/> tokens instead of file paths (clips by their content keys,
/// other files by their bytes' hash, outputs by fixed names), together with the FFmpeg build and the
/// caption font. So everything that shapes the piece's frames or samples is in its key — clips and their
/// in and out points, transitions, reframing, burned text, logo, profile, encoder settings — and
/// nothing else is: not where the piece sits on the film, nor the film it belongs to.
/// </summary>
internal sealed class RenderKeys(string ffmpegVersion, string font)
{
    /// <summary>Bump when a piece's meaning changes in a way its command does not show.</summary>
    private const string Format = "cloudreel-render-1";

    public string Of(RenderKind kind, IEnumerable<string> command)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { Format, kind.Name, ffmpegVersion, font }.Concat(command))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
