using CloudReel.Core.Models;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.Vidu;

/// <summary>
/// Vidu's error names (in <c>reason</c>, <c>code</c> or <c>err_code</c>; the body's exact shape is
/// UNCONFIRMED, so every one of them is read).
/// </summary>
public sealed class ViduErrors : IProviderErrors
{
    public ProviderError Classify(int status, string body)
    {
        var json = Json.TryParse(body);
        var name = Json.Text(json, "reason") ?? Json.Text(json, "err_code") ?? Json.Text(json, "code") ?? Json.Text(json, "error", "code");
        var message = Json.MessageOf(json, $"HTTP {status}", ["message"], ["error", "message"], ["reason"]);
        return Named(name, message) ?? status switch
        {
            429 => new(FailureReason.Transient, name ?? "429", message, RateLimited: true),
            >= 500 => new(FailureReason.Transient, name, message),
            401 or 403 => new(FailureReason.Invalid, name, $"{message} (check Models:Vidu:ApiKey and Region)"),
            _ => new(FailureReason.Invalid, name, message),
        };
    }

    /// <summary>An error name wherever it appears (an answer, or a failed task's err_code).</summary>
    public static ProviderError? Named(string? name, string message) => name switch
    {
        "AuditSubmitIllegal" or "TaskPromptPolicyViolation" or "CreationPolicyViolation" => new(FailureReason.Moderation, name, message),
        "CreditInsufficient" => new(FailureReason.Quota, name, message),
        "QuotaExceeded" or "TooManyRequests" or "SystemThrottling" => new(FailureReason.Transient, name, message, RateLimited: true),
        "InternalServiceFailure" => new(FailureReason.Transient, name, message),
        "ModelUnavailable" => new(FailureReason.Transient, name, message),
        _ => null,
    };
}
