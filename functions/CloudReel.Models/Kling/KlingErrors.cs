using CloudReel.Core.Models;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.Kling;

/// <summary>Kling's error envelope <c>{code, message, request_id}</c>, by its documented codes.</summary>
public sealed class KlingErrors : IProviderErrors
{
    public ProviderError Classify(int status, string body)
    {
        var json = Json.TryParse(body);
        var code = Json.Text(json, "code");
        var message = Json.MessageOf(json, $"HTTP {status}", ["message"]);
        return code switch
        {
            "1300" or "1301" => new(FailureReason.Moderation, code, message),
            "1100" or "1101" or "1102" => new(FailureReason.Quota, code, message),
            "1302" or "1303" => new(FailureReason.Transient, code, message, RateLimited: true),
            "1000" or "1001" or "1002" or "1003" or "1004" => new(FailureReason.Invalid, code, $"authentication failed: {message} (check Models:Kling:AccessKey, SecretKey and Region)"),
            "5000" or "5001" or "5002" => new(FailureReason.Transient, code, message),
            { } other when other.StartsWith("12", StringComparison.Ordinal) || other.StartsWith("11", StringComparison.Ordinal) => new(FailureReason.Invalid, other, message),
            _ => ByStatus(status, code, message),
        };
    }

    /// <summary>A failed task's reason: moderation when the message says so (Kling words it freely; UNCONFIRMED strings).</summary>
    public static JobFailure TaskFailure(string? message)
    {
        var text = message ?? "the task failed";
        return new JobFailure(LooksLikeModeration(text) ? FailureReason.Moderation : FailureReason.Unknown, "failed", text);
    }

    public static bool LooksLikeModeration(string text) =>
        new[] { "moderation", "sensitive", "risk", "violat", "policy", "inappropriate", "审核", "敏感", "违规" }
            .Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static ProviderError ByStatus(int status, string? code, string message) => status switch
    {
        429 => new(FailureReason.Transient, code ?? "429", message, RateLimited: true),
        >= 500 => new(FailureReason.Transient, code ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture), message),
        _ => new(FailureReason.Invalid, code ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture), message),
    };
}
