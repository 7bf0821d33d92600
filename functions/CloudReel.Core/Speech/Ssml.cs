using System.Globalization;
using System.Security;

namespace CloudReel.Core.Speech;

/// <summary>
/// The SSML document of a request (W3C SSML 1.0 with Azure's mstts namespace for styles): the text
/// XML-escaped, never spliced raw; rate as a relative percentage, pitch in semitones.
/// </summary>
public static class Ssml
{
    public static string For(SpeechRequest request)
    {
        var text = SecurityElement.Escape(request.Text);
        var rate = Math.Round((request.Rate - 1) * 100);
        var pitch = Math.Round(request.Pitch, 1);
        var body = rate == 0 && pitch == 0
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"<prosody rate=\"{rate:+0;-0;+0}%\" pitch=\"{pitch:+0.#;-0.#;+0}st\">{text}</prosody>");
        if (request.Style is { } style) body = $"<mstts:express-as style=\"{SecurityElement.Escape(style)}\">{body}</mstts:express-as>";
        return "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xmlns:mstts=\"https://www.w3.org/2001/mstts\" "
            + $"xml:lang=\"{SecurityElement.Escape(request.Language)}\"><voice name=\"{SecurityElement.Escape(request.Voice)}\">{body}</voice></speak>";
    }
}
