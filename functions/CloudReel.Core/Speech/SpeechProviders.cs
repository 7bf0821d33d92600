namespace CloudReel.Core.Speech;

/// <summary>The speech providers an order can name in 'voice.provider'.</summary>
public static class SpeechProviders
{
    /// <summary>Azure AI Speech: neural voices over REST (SSML).</summary>
    public const string AzureSpeech = "azure-speech";

    /// <summary>espeak-ng: a free, offline, deterministic (and robotic) preview voice.</summary>
    public const string Espeak = "espeak";

    /// <summary>Any service with OpenAI's /v1/audio/speech endpoint.</summary>
    public const string OpenAiCompatible = "openai-compatible";

    public static IReadOnlyList<string> All { get; } = [AzureSpeech, Espeak, OpenAiCompatible];
}

/// <summary>One voice of a provider.</summary>
/// <param name="Name">The name orders use, e.g. 'zh-CN-XiaoxiaoNeural' or 'cmn'.</param>
/// <param name="Locale">The language it speaks, e.g. 'zh-CN'.</param>
/// <param name="Styles">Speaking styles the voice has (Azure's express-as); empty when it has none.</param>
public sealed record SpeechVoice(string Name, string Locale, IReadOnlyList<string> Styles)
{
    public SpeechVoice(string name, string locale)
        : this(name, locale, [])
    {
    }
}

/// <summary>What a provider offers: its voices, its default voice per language, its price.</summary>
public sealed record SpeechProviderInfo
{
    public required string Name { get; init; }

    public IReadOnlyList<SpeechVoice> Voices { get; init; } = [];

    /// <summary>The voice a language is spoken in when the order names none, by language tag ('zh-CN', 'en').</summary>
    public IReadOnlyDictionary<string, string> DefaultVoices { get; init; } = new Dictionary<string, string>();

    /// <summary>Price per million characters synthesised.</summary>
    public decimal PricePerMillionCharacters { get; init; }

    public string Currency { get; init; } = "USD";

    /// <summary>
    /// Why the provider's voices could not be listed just now, or null. An unlisted provider's voices
    /// are not checked at validation: its default voices and the voices an order names pass, and the
    /// speak step (before any shot is made, so before anything is spent on video) asks the service again
    /// and refuses a voice it lacks.
    /// </summary>
    public string? Unlisted { get; init; }

    public SpeechVoice? FindVoice(string name) => Voices.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The default voice for <paramref name="language"/>: by its exact tag, else by its primary language ('zh-TW' finds 'zh').</summary>
    public string? DefaultVoiceFor(string language)
    {
        if (DefaultVoices.TryGetValue(language, out var exact)) return exact;
        var primary = Primary(language);
        return DefaultVoices.Where(d => string.Equals(Primary(d.Key), primary, StringComparison.OrdinalIgnoreCase)).Select(d => d.Value).FirstOrDefault();
    }

    private static string Primary(string tag) => tag.Split('-')[0];
}

/// <summary>The speech providers a host offers, as order validation sees them.</summary>
/// <param name="DefaultProvider">The provider an order without 'voice.provider' speaks with.</param>
/// <param name="Providers">The configured providers, by name.</param>
/// <param name="Unconfigured">Providers known here but not configured, with what to set to use them.</param>
public sealed record SpeechChoices(
    string DefaultProvider,
    IReadOnlyDictionary<string, SpeechProviderInfo> Providers,
    IReadOnlyDictionary<string, string> Unconfigured) : ISpeechChoices
{
    /// <summary>A fixed set of choices is its own source.</summary>
    public Task<SpeechChoices> ChoicesAsync(CancellationToken cancellationToken = default) => Task.FromResult(this);
}
