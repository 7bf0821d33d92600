using CloudReel.Core.Models;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.Seedance;

/// <summary>Ark's errors, <c>{"error":{"code","message"}}</c>, by the documented code names.</summary>
public sealed class SeedanceErrors : IProviderErrors
{
    public ProviderError Classify(int status, string body)
    {
        var json = Json.TryParse(body);
        var code = Json.Text(json, "error", "code") ?? Json.Text(json, "code");
        var message = Json.MessageOf(json, $"HTTP {status}", ["error", "message"], ["message"]);
        return Named(code, message) ?? status switch
        {
            429 => new(FailureReason.Transient, code ?? "429", message, RateLimited: true),
            >= 500 => new(FailureReason.Transient, code, message),
            401 or 403 => new(FailureReason.Invalid, code, $"{message} (check Models:Seedance:ApiKey and that the model is activated)"),
            _ => new(FailureReason.Invalid, code, message),
        };
    }

    public static ProviderError? Named(string? code, string message) => code switch
    {
        null => null,
        _ when code.Contains("SensitiveContentDetected", StringComparison.Ordinal) || code.Contains("RiskDetection", StringComparison.Ordinal) =>
            new(FailureReason.Moderation, code, message),
        _ when code.StartsWith("RateLimitExceeded", StringComparison.Ordinal) => new(FailureReason.Transient, code, message, RateLimited: true),
        // Account and quota names are UNCONFIRMED beyond their common prefixes.
        _ when code.Contains("Overdue", StringComparison.Ordinal) || code.Contains("QuotaExceeded", StringComparison.Ordinal) || code.Contains("Insufficient", StringComparison.Ordinal) =>
            new(FailureReason.Quota, code, message),
        _ when code.StartsWith("InvalidParameter", StringComparison.Ordinal) || code == "MissingParameter" => new(FailureReason.Invalid, code, message),
        _ => null,
    };
}
