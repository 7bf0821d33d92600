namespace CloudReel.Core.Speech;

/// <summary>What the film says, to start with a speech job: the film and its (staged) order.</summary>
public sealed record SpeechJob(string FilmId, Orders.FilmOrder Order);

/// <summary>A caption timed to the speech: seconds from the moment the shot's voice-over starts.</summary>
public sealed record SpokenCaption(string Language, double Start, double End, string Text);

/// <summary>One shot's speech: narration and dialogue joined into one voice-over, and the captions they give.</summary>
/// <param name="ShotId">The shot.</param>
/// <param name="Audio">The clip-store name of its voice-over (WAV).</param>
/// <param name="Seconds">How long the voice-over lasts, its lead-in silence included.</param>
/// <param name="Captions">Per language, the cues of the spoken sentences; the other languages on the same boundaries.</param>
public sealed record SpokenShot(string ShotId, string Audio, double Seconds, IReadOnlyList<SpokenCaption> Captions);

/// <summary>Every shot's speech, and what it cost: lines synthesised now, lines read back from the store.</summary>
public sealed record SpokenFilm
{
    public IReadOnlyList<SpokenShot> Shots { get; init; } = [];

    public string Provider { get; init; } = "";

    public int LinesSynthesised { get; init; }

    public int LinesCached { get; init; }

    public int Characters { get; init; }

    public decimal Cost { get; init; }

    public string Currency { get; init; } = "USD";

    public SpokenShot? For(string shotId) => Shots.FirstOrDefault(s => s.ShotId == shotId);
}
