using CloudReel.Core.Models;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.CogVideoX;

/// <summary>Zhipu's platform-wide error codes in <c>{"error":{"code","message"}}</c>; the HTTP status per code is UNCONFIRMED.</summary>
public sealed class CogVideoXErrors : IProviderErrors
{
    public ProviderError Classify(int status, string body)
    {
        var json = Json.TryParse(body);
        var code = Json.Text(json, "error", "code") ?? Json.Text(json, "code");
        var message = Json.MessageOf(json, $"HTTP {status}", ["error", "message"], ["message"], ["msg"]);
        return Named(code, message) ?? status switch
        {
            429 => new(FailureReason.Transient, code ?? "429", message, RateLimited: true),
            >= 500 => new(FailureReason.Transient, code, message),
            _ => new(FailureReason.Invalid, code, message),
        };
    }

    public static ProviderError? Named(string? code, string message) => code switch
    {
        "1301" => new(FailureReason.Moderation, code, message),
        "1302" or "1303" or "1305" => new(FailureReason.Transient, code, message, RateLimited: true),
        "1304" or "1113" => new(FailureReason.Quota, code, message),
        "1000" or "1001" or "1002" or "1003" or "1004" => new(FailureReason.Invalid, code, $"authentication failed: {message} (check Models:CogVideoX:ApiKey)"),
        { Length: 4 } when code.StartsWith("11", StringComparison.Ordinal) => new(FailureReason.Quota, code, message),
        { Length: 4 } when code.StartsWith("12", StringComparison.Ordinal) => new(FailureReason.Invalid, code, message),
        _ => null,
    };
}
