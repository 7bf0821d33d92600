using System.Globalization;
using CloudReel.Core.Models;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.OpenAISpeech;

/// <summary>
/// OpenAI's error answers, <c>{"error":{message,type,param,code}}</c>: 400 (a bad value, a voice it
/// does not have), 401 (the key), 429 (rate limit, or 'insufficient_quota'), 5xx. A 401's message is
/// never passed on: OpenAI's names part of the key it was given.
/// </summary>
public sealed class OpenAISpeechErrors : IProviderErrors
{
    public ProviderError Classify(int status, string body)
    {
        var error = Json.At(Json.TryParse(body), "error");
        var code = Json.Text(error, "code");
        var message = Json.MessageOf(error, $"HTTP {status}", ["message"]);
        var number = status.ToString(CultureInfo.InvariantCulture);
        return status switch
        {
            401 or 403 => new(FailureReason.Invalid, code ?? number, $"the speech service refused the key (HTTP {number}); check Speech:OpenAI:Key and BaseUrl"),
            429 when code is "insufficient_quota" => new(FailureReason.Quota, code, message),
            429 => new(FailureReason.Transient, code ?? number, message, RateLimited: true),
            >= 500 => new(FailureReason.Transient, code ?? number, message),
            404 => new(FailureReason.Invalid, code ?? number, $"{message} (check Speech:OpenAI:BaseUrl and Model)"),
            _ => new(FailureReason.Invalid, code ?? number, message),
        };
    }
}
