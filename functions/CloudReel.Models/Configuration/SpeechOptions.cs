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
