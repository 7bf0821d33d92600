using CloudReel.Core.Models;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.AzureOpenAI;

/// <summary>
/// Azure OpenAI's two error shapes: <c>{"error":{code,message,inner_error}}</c>, and the video routes'
/// top-level <c>{code,message,inner_error:{code:"ResponsibleAIPolicyViolation"}}</c>.
/// </summary>
public sealed class AzureErrors : IProviderErrors
{
    private static readonly string[] ModerationCodes =
        ["ResponsibleAIPolicyViolation", "content_policy_violation", "content_filter", "moderation_blocked", "input_moderation", "output_moderation"];

    public ProviderError Classify(int status, string body)
    {
        var json = Json.TryParse(body);
        var error = Json.At(json, "error") ?? json;
        var code = Json.Text(error, "code");
        var inner = Json.Text(error, "inner_error", "code") ?? Json.Text(error, "innererror", "code");
        var message = Json.MessageOf(error, $"HTTP {status}", ["message"]);
        if (IsModeration(code) || IsModeration(inner)) return new(FailureReason.Moderation, inner ?? code, message);
        return status switch
        {
            429 when code is "insufficient_quota" => new(FailureReason.Quota, code, message),
            429 => new(FailureReason.Transient, code ?? "429", message, RateLimited: true),
            >= 500 => new(FailureReason.Transient, code, message),
            401 or 403 => new(FailureReason.Invalid, code ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{message} (check Models:AzureOpenAI:ApiKey, or the role 'Cognitive Services User' with Entra ID)"),
            404 => new(FailureReason.Invalid, code ?? "404", $"{message} (check Models:AzureOpenAI:Endpoint and the deployment name)"),
            _ => new(FailureReason.Invalid, code, message),
        };
    }

    public static bool IsModeration(string? code) => code is not null && ModerationCodes.Any(m => code.Contains(m, StringComparison.OrdinalIgnoreCase));
}
