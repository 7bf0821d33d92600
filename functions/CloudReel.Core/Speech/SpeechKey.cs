using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudReel.Core.Speech;

/// <summary>
/// The content key of a spoken line: a hash of everything that decides the sound (provider and its
/// version, voice, language, text, rate, pitch, style, and the SSML they make). The same line in any
/// film is the same audio, so it is synthesised, and paid for, once.
/// </summary>
public static class SpeechKey
{
    private const string Scheme = "cloudreel.speech.v1";

    public static string For(string provider, string version, SpeechRequest request)
    {
        var ssml = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Ssml.For(request)))).ToLowerInvariant();
        var text = new StringBuilder()
            .Append(Scheme).Append('\n')
            .Append("provider=").Append(provider).Append('\n')
            .Append("version=").Append(version).Append('\n')
            .Append("voice=").Append(request.Voice).Append('\n')
            .Append("language=").Append(request.Language).Append('\n')
            .Append("text=").Append(request.Text).Append('\n')
            .Append("rate=").Append(request.Rate.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n')
            .Append("pitch=").Append(request.Pitch.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n')
            .Append("style=").Append(request.Style ?? "").Append('\n')
            .Append("ssml=").Append(ssml).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}
