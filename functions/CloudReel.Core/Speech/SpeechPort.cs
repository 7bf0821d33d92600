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

/// <summary>The voice lists order validation holds an order to (the providers' voices, asked for only when an order speaks).</summary>
public interface ISpeechChoices
{
    Task<SpeechChoices> ChoicesAsync(CancellationToken cancellationToken = default);
}

/// <summary>The speech providers this process knows, and which one speaks when an order names none.</summary>
public interface ISpeechCatalog : ISpeechChoices
{
    IReadOnlyList<ISpeechProvider> All { get; }

    /// <summary>The provider orders without 'voice.provider' speak with: the configured preferred one, else espeak.</summary>
    string DefaultProvider { get; }

    ISpeechProvider? Find(string name);
}

/// <summary>
/// The providers a host has wired up, by name. Their voice lists are asked for once per process and
/// shared by every order validated here (a batch of a thousand rows asks once). A provider that
/// cannot list its voices right now is described as unlisted, so the orders it speaks are not held
/// to a list (see <see cref="SpeechProviderInfo.Unlisted"/>), and it is asked again a minute later.
/// </summary>
public sealed class SpeechCatalog(IEnumerable<ISpeechProvider> providers, string preferred = SpeechProviders.AzureSpeech, TimeProvider? time = null) : ISpeechCatalog
{
    /// <summary>How long a provider that could not list its voices is left alone before it is asked again.</summary>
    public static readonly TimeSpan AskAgainAfterFailure = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, ISpeechProvider> _byName = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<(SpeechProviderInfo Info, DateTimeOffset? AskAgainAt)>> _described = new(StringComparer.Ordinal);

    public IReadOnlyList<ISpeechProvider> All => _byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public string DefaultProvider => _byName.TryGetValue(preferred, out var p) && p.IsConfigured ? preferred : SpeechProviders.Espeak;

    public ISpeechProvider? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>What order validation consults: every configured provider described, the others with what to set.</summary>
    public async Task<SpeechChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var described = new Dictionary<string, SpeechProviderInfo>(StringComparer.Ordinal);
        foreach (var provider in All.Where(p => p.IsConfigured)) described[provider.Name] = await DescribedAsync(provider).WaitAsync(cancellationToken);
        var unconfigured = All.Where(p => !p.IsConfigured).ToDictionary(p => p.Name, p => p.SetupHint ?? "it is not configured", StringComparer.Ordinal);
        return new SpeechChoices(DefaultProvider, described, unconfigured);
    }

    private async Task<SpeechProviderInfo> DescribedAsync(ISpeechProvider provider)
    {
        Task<(SpeechProviderInfo Info, DateTimeOffset? AskAgainAt)> asking;
        lock (_gate)
        {
            if (!_described.TryGetValue(provider.Name, out asking!) || asking is { IsCompletedSuccessfully: true, Result.AskAgainAt: { } again } && _time.GetUtcNow() >= again)
            {
                _described[provider.Name] = asking = DescribeOrUnlistedAsync(provider);
            }
        }
        return (await asking).Info;
    }

    private async Task<(SpeechProviderInfo, DateTimeOffset?)> DescribeOrUnlistedAsync(ISpeechProvider provider)
    {
        try
        {
            return (await provider.DescribeAsync(CancellationToken.None), null);
        }
        catch (Exception failure)
        {
            return (new SpeechProviderInfo { Name = provider.Name, Unlisted = $"{provider.Name} could not list its voices just now ({failure.Message})" },
                _time.GetUtcNow() + AskAgainAfterFailure);
        }
    }
}
