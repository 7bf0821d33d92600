namespace CloudReel.Core.Orders;

/// <summary>
/// How the film speaks: the speech provider, the voice for each language, rate, pitch and style.
/// A film has one spoken language; the other languages of a narration are captions.
/// </summary>
/// <param name="Provider">The speech provider; null takes the host's default (Azure AI Speech when configured, else espeak).</param>
/// <param name="Language">The language the film speaks; null takes the order's first language.</param>
/// <param name="Voices">The narrator's voice per language; a language without one takes the provider's default voice.</param>
/// <param name="Rate">Speaking rate, 1 is the voice's normal pace.</param>
/// <param name="Pitch">Pitch shift in semitones.</param>
/// <param name="Style">A speaking style, for voices that have styles (Azure's express-as).</param>
public sealed record VoiceSpec(
    string? Provider = null,
    string? Language = null,
    IReadOnlyDictionary<string, string>? Voices = null,
    double Rate = 1,
    double Pitch = 0,
    string? Style = null)
{
    public static readonly VoiceSpec Default = new();

    public IReadOnlyDictionary<string, string> VoicesByLanguage => Voices ?? new Dictionary<string, string>();

    /// <summary>The language the film speaks: <see cref="Language"/>, or the order's first language.</summary>
    public string? SpokenLanguage(IReadOnlyList<string> orderLanguages) => Language ?? (orderLanguages.Count > 0 ? orderLanguages[0] : null);

    public bool Equals(VoiceSpec? other) =>
        other is not null && Provider == other.Provider && Language == other.Language && Rate.Equals(other.Rate) && Pitch.Equals(other.Pitch)
        && Style == other.Style && VoicesByLanguage.Count == other.VoicesByLanguage.Count
        && VoicesByLanguage.All(v => other.VoicesByLanguage.TryGetValue(v.Key, out var o) && o == v.Value);

    public override int GetHashCode() => HashCode.Combine(Provider, Language, Rate, Pitch, Style, VoicesByLanguage.Count);
}

/// <summary>A character's line in a shot: spoken in that character's voice.</summary>
/// <param name="Character">The character's id (<see cref="FilmOrder.Characters"/>).</param>
/// <param name="Text">The line per language tag.</param>
public sealed record DialogueLine(string Character, IReadOnlyDictionary<string, string> Text);
