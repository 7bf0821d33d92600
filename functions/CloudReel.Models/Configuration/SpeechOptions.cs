using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CloudReel.Models.Configuration;

/// <summary>
/// The <c>Speech</c> section: which provider speaks orders that name none, and each provider's
/// settings. Options are plain classes: their ToString never prints a key.
/// </summary>
public sealed class SpeechOptions
{
    /// <summary>The provider orders without 'voice.provider' speak with when it is configured; espeak otherwise.</summary>
    public string Provider { get; set; } = "azure-speech";

    [ValidateObjectMembers]
    public AzureSpeechOptions Azure { get; set; } = new();

    public EspeakOptions Espeak { get; set; } = new();

    [ValidateObjectMembers]
    public OpenAISpeechOptions OpenAI { get; set; } = new();
}

/// <summary>espeak-ng, section <c>Speech:Espeak</c>.</summary>
public sealed class EspeakOptions
{
    /// <summary>The espeak-ng program; found on the PATH when absent.</summary>
    public string? Path { get; set; }
}

/// <summary>
/// Azure AI Speech, section <c>Speech:Azure</c>: the resource's region and key (sent as
/// Ocp-Apim-Subscription-Key), or Entra ID (<see cref="UseEntraId"/>; with <see cref="ResourceId"/>
/// the token is sent as 'aad#resource#token', as the regional endpoints want).
/// </summary>
public sealed class AzureSpeechOptions
{
    /// <summary>The resource's region, e.g. 'eastasia' or 'westeurope'.</summary>
    public string? Region { get; set; }

    public string? Key { get; set; }

    public bool UseEntraId { get; set; }

    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The Speech resource's ARM id, for Entra ID on the regional endpoint.</summary>
    public string? ResourceId { get; set; }

    /// <summary>Overrides the regional address (a custom domain, or a local fake in tests).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>X-Microsoft-OutputFormat: a RIFF PCM format, so sentences can be measured and joined.</summary>
    public string OutputFormat { get; set; } = "riff-24khz-16bit-mono-pcm";

    /// <summary>USD per million characters (neural voices, pay as you go; check your region's price).</summary>
    [Range(typeof(decimal), "0", "10000")]
    public decimal PricePerMillionCharacters { get; set; } = 15m;

    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be a three-letter ISO 4217 code such as USD or CNY.")]
    public string Currency { get; set; } = "USD";

    /// <summary>The voice per language for orders that name none.</summary>
    public Dictionary<string, string> DefaultVoices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zh-CN"] = "zh-CN-XiaoxiaoNeural",
        ["zh"] = "zh-CN-XiaoxiaoNeural",
        ["en"] = "en-US-AvaNeural",
        ["en-US"] = "en-US-AvaNeural",
        ["en-GB"] = "en-GB-SoniaNeural",
    };

    [ValidateObjectMembers]
    public ResilienceOptions Resilience { get; set; } = new();

    public bool IsConfigured => (!string.IsNullOrWhiteSpace(Region) || !string.IsNullOrWhiteSpace(BaseUrl)) && (!string.IsNullOrWhiteSpace(Key) || UseEntraId);

    /// <summary>The service's address; a placeholder region while none is set (nothing is sent until it is configured).</summary>
    public Uri ServiceUri => new((BaseUrl ?? $"https://{(string.IsNullOrWhiteSpace(Region) ? "eastus" : Region.Trim())}.tts.speech.microsoft.com").TrimEnd('/') + "/");

    public const string Scope = "https://cognitiveservices.azure.com/.default";
}

/// <summary>
/// An OpenAI-compatible speech endpoint, section <c>Speech:OpenAI</c>: POST {BaseUrl}/v1/audio/speech
/// with a Bearer key. Such services have no route that lists voices, so the voices are configured here,
/// per language (a comma-separated list each).
/// </summary>
public sealed class OpenAISpeechOptions
{
    /// <summary>The voices OpenAI documents for /v1/audio/speech; every one speaks every language the model speaks.</summary>
    public const string OpenAIVoices = "alloy, ash, ballad, coral, echo, fable, onyx, nova, sage, shimmer, verse, marin, cedar";

    /// <summary>The service's root (without /v1): OpenAI's, or any compatible server's.</summary>
    [Url]
    public string BaseUrl { get; set; } = "https://api.openai.com";

    /// <summary>Sent as "Authorization: Bearer …"; the provider is configured once it is set.</summary>
    public string? Key { get; set; }

    /// <summary>The speech model, e.g. 'tts-1', 'tts-1-hd' or 'gpt-4o-mini-tts'.</summary>
    [Required]
    [RegularExpression(@"^\S+$", ErrorMessage = "Model must be a model name such as tts-1, without spaces.")]
    public string Model { get; set; } = "tts-1";

    /// <summary>The voices per language tag, comma-separated.</summary>
    public Dictionary<string, string> Voices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zh-CN"] = OpenAIVoices,
        ["en-US"] = OpenAIVoices,
    };

    /// <summary>The voice per language for orders that name none.</summary>
    public Dictionary<string, string> DefaultVoices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zh"] = "alloy",
        ["en"] = "alloy",
    };

    /// <summary>USD per million characters (tts-1's list price; check your model's and your service's).</summary>
    [Range(typeof(decimal), "0", "10000")]
    public decimal PricePerMillionCharacters { get; set; } = 15m;

    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be a three-letter ISO 4217 code such as USD or CNY.")]
    public string Currency { get; set; } = "USD";

    [ValidateObjectMembers]
    public ResilienceOptions Resilience { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Key);

    public Uri ServiceUri => new(BaseUrl.TrimEnd('/') + "/");
}
