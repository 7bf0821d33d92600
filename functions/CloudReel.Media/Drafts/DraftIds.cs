using System.Security.Cryptography;
using System.Text;

namespace CloudReel.Media.Drafts;

/// <summary>
/// Ids of a draft's parts, in the upper-case GUID form the editors write, made from the film and the
/// part's role: assembling the same film again writes the same draft.
/// </summary>
internal sealed class DraftIds(string filmId, string flavour)
{
    public string For(string role)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{flavour}/{filmId}/{role}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40); // version 4 layout, so editors parse it as an ordinary GUID
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D").ToUpperInvariant();
    }
}
