using System.Text.RegularExpressions;

namespace CloudReel.Core.Text;

/// <summary>
/// Takes every secret and token shape CloudReel sends out of text it keeps or shows (failure messages,
/// logs): JWTs, Authorization values (Bearer, Token, Basic, SharedKey, SharedAccessSignature),
/// credential query parameters (API keys sent as <c>?code=</c>, SAS signatures <c>sig=</c>, tokens),
/// connection-string keys and JSON fields named like secrets. What is left still says what failed.
/// </summary>
public static partial class Secrets
{
    public const string Mask = "[redacted]";

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        text = Jwt().Replace(text, Mask);
        text = AuthorizationValue().Replace(text, m => m.Groups["scheme"].Value + " " + Mask);
        text = CredentialParameter().Replace(text, m => m.Groups["name"].Value + "=" + Mask);
        text = ConnectionStringKey().Replace(text, m => m.Groups["name"].Value + "=" + Mask);
        return SecretJsonField().Replace(text, m => m.Groups["field"].Value + "\"" + Mask + "\"");
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Token|Basic|SharedKey|SharedAccessSignature))\s+[^\s""',;]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationValue();

    [GeneratedRegex(@"(?<name>(?<=[?&;\s""']|^)(?:code|sig|signature|key|apikey|api_key|api-key|x-api-key|token|access_token|accesskey|secret|password|pwd))=[^&\s#""']+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CredentialParameter();

    [GeneratedRegex(@"(?<name>AccountKey|SharedAccessKey|SharedAccessSignature|SecretKey)=[^;\s""']+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringKey();

    [GeneratedRegex(@"(?<field>""(?:api[_-]?key|access[_-]?key|secret[_-]?key|secret|password|token|access_token|authorization)""\s*:\s*)""[^""]*""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretJsonField();
}
