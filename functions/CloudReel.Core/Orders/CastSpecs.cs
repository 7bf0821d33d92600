namespace CloudReel.Core.Orders;

/// <summary>
/// A character of the film's cast: one fixed look, written into the prompt of every shot the
/// character is in, and reference pictures for the models that keep subjects from pictures.
/// </summary>
/// <param name="Id">How shots name the character in their <c>cast</c>.</param>
/// <param name="Name">How prompts name the character.</param>
/// <param name="Look">The fixed description of the look: age, build, face, hair, clothes, colours.</param>
/// <param name="Pictures">1–7 reference pictures (paths relative to the order, or store names once staged); may be none.</param>
/// <param name="Voice">The character's voice in every language it speaks, as the speech provider names it.</param>
public sealed record CastMember(string Id, string Name, string Look, IReadOnlyList<string> Pictures, string? Voice = null)
{
    /// <summary>The character's voice per language, where it has one voice a language ('voice: {zh-CN: …, en: …}').</summary>
    public IReadOnlyDictionary<string, string> Voices { get; init; } = new Dictionary<string, string>();

    /// <summary>The voice this character speaks <paramref name="language"/> in, or null when the character names none.</summary>
    public string? VoiceFor(string language) => Voices.TryGetValue(language, out var voice) ? voice : Voice;
}

/// <summary>The quality checks a new clip goes through.</summary>
public enum QaCheck
{
    Freeze,
    Black,
    Cut,
    Duration,
    Sound,
    Judge,
}

/// <summary>What happens to a shot whose takes keep failing the checks.</summary>
public enum QaFailure
{
    /// <summary>Try the next model of the shot's fallback chain; fail the shot when none is left.</summary>
    Fallback,

    /// <summary>Fail the shot with the checks' reasons.</summary>
    Fail,

    /// <summary>Keep the last take, with the failed checks in the report.</summary>
    Accept,
}

/// <summary>How new clips are checked and retaken.</summary>
/// <param name="Retries">New takes (with a new seed) a shot gets after a take fails the checks, within the budget.</param>
/// <param name="Checks">The checks to run; the judge runs only where a vision deployment is configured.</param>
/// <param name="OnFail">What happens when the retries are spent.</param>
/// <param name="MinScore">The lowest judge score a take passes with; the judge's setting when null.</param>
public sealed record QaSpec(int Retries, IReadOnlyList<QaCheck> Checks, QaFailure OnFail = QaFailure.Fallback, double? MinScore = null)
{
    public const int DefaultRetries = 2;

    public static readonly QaSpec Default = new(DefaultRetries, Enum.GetValues<QaCheck>());

    public bool Runs(QaCheck check) => Checks.Contains(check);

    public bool Equals(QaSpec? other) =>
        other is not null && Retries == other.Retries && Checks.SequenceEqual(other.Checks) && OnFail == other.OnFail && MinScore == other.MinScore;

    public override int GetHashCode() => HashCode.Combine(Retries, Checks.Count, OnFail, MinScore);
}
