using CloudReel.Core.Models;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.AzureSpeech;

/// <summary>
/// Azure AI Speech's text-to-speech answers: 400 (a missing or invalid parameter, an unknown voice,
/// SSML it can't read), 401 (key or token), 415 (not SSML), 429 (over the rate or quota), 502.
/// Bodies are plain text or empty, so the status says most.
/// </summary>
public sealed class AzureSpeechErrors : IProviderErrors
{
    public ProviderError Classify(int status, string body)
    {
        var text = string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        if (text is { Length: > 300 }) text = text[..300];
        return status switch
        {
            429 => new(FailureReason.Transient, "429", text ?? "too many requests", RateLimited: true),
            >= 500 => new(FailureReason.Transient, status.ToString(System.Globalization.CultureInfo.InvariantCulture), text ?? "the speech service failed"),
            401 or 403 => new(FailureReason.Invalid, status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (text ?? "not authorised") + " (check Speech:Azure:Key and Region, or UseEntraId and ResourceId)"),
            415 => new(FailureReason.Invalid, "415", text ?? "the request was not SSML"),
            _ => new(FailureReason.Invalid, status.ToString(System.Globalization.CultureInfo.InvariantCulture), text ?? "the request was refused (a missing or invalid value, or a voice that does not exist)"),
        };
    }
}
