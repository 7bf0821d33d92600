namespace CloudReel.Core.Speech;

/// <summary>What to say and how: one piece of text in one voice.</summary>
/// <param name="Text">The words, plain text.</param>
/// <param name="Language">The language tag the words are in ('zh-CN').</param>
/// <param name="Voice">The voice, as the provider names it.</param>
/// <param name="Rate">Speaking rate, 1 is the voice's normal pace.</param>
/// <param name="Pitch">Pitch shift in semitones.</param>
/// <param name="Style">A speaking style of the voice, or null.</param>
public sealed record SpeechRequest(string Text, string Language, string Voice, double Rate = 1, double Pitch = 0, string? Style = null);

/// <summary>
/// The speech port, beside the video model port: a provider describes its voices and turns a
/// request into speech as a WAV file (RIFF, 16-bit PCM, mono). Adapters live outside Core.
/// </summary>
public interface ISpeechProvider
{
    /// <summary>The name orders use in 'voice.provider'.</summary>
    string Name { get; }

    /// <summary>What decides the sound besides the request (engine version, output format): part of every line's content key.</summary>
    string Version { get; }

    /// <summary>Whether the keys, endpoint or program the provider needs are there.</summary>
    bool IsConfigured { get; }

    /// <summary>What to set to make this provider usable when it is not configured (never a secret value).</summary>
    string? SetupHint => null;

    /// <summary>The provider's voices, default voices and price; may ask the service (and remember its answer).</summary>
    Task<SpeechProviderInfo> DescribeAsync(CancellationToken cancellationToken = default);

    /// <summary>Speaks <paramref name="request"/> into <paramref name="destination"/> as a WAV file.</summary>
    Task SynthesizeAsync(SpeechRequest request, Stream destination, CancellationToken cancellationToken = default);
}

/// <summary>The speech providers this process knows, and which one speaks when an order names none.</summary>
public interface ISpeechCatalog
{
    IReadOnlyList<ISpeechProvider> All { get; }

    /// <summary>The provider orders without 'voice.provider' speak with: the configured preferred one, else espeak.</summary>
    string DefaultProvider { get; }

    ISpeechProvider? Find(string name);
}

/// <summary>The providers a host has wired up, by name.</summary>
public sealed class SpeechCatalog(IEnumerable<ISpeechProvider> providers, string preferred = SpeechProviders.AzureSpeech) : ISpeechCatalog
{
    private readonly Dictionary<string, ISpeechProvider> _byName = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyList<ISpeechProvider> All => _byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public string DefaultProvider => _byName.TryGetValue(preferred, out var p) && p.IsConfigured ? preferred : SpeechProviders.Espeak;

    public ISpeechProvider? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>What order validation consults: every configured provider described, the others with what to set.</summary>
    public async Task<SpeechChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var described = new Dictionary<string, SpeechProviderInfo>(StringComparer.Ordinal);
        foreach (var provider in All.Where(p => p.IsConfigured)) described[provider.Name] = await provider.DescribeAsync(cancellationToken);
        var unconfigured = All.Where(p => !p.IsConfigured).ToDictionary(p => p.Name, p => p.SetupHint ?? "it is not configured", StringComparer.Ordinal);
        return new SpeechChoices(DefaultProvider, described, unconfigured);
    }
}
