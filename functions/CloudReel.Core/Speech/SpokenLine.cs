namespace CloudReel.Core.Speech;

/// <summary>A sentence of a spoken line and when it is heard, in seconds from the line's start.</summary>
public sealed record SpokenSentence(string Text, double Start, double End);

/// <summary>
/// A line as synthesised and kept in the clip store: its audio, its sentences' boundaries (what
/// captions are timed from), and what it cost. <see cref="Cached"/> lines cost nothing this time.
/// </summary>
public sealed record SpokenLine
{
    public required string Key { get; init; }

    /// <summary>The clip-store name of the WAV file.</summary>
    public required string Audio { get; init; }

    public required string Provider { get; init; }

    public required string Voice { get; init; }

    public required string Language { get; init; }

    public double Seconds { get; init; }

    public IReadOnlyList<SpokenSentence> Sentences { get; init; } = [];

    /// <summary>Characters billed: the text's characters (SSML markup is not billed).</summary>
    public int Characters { get; init; }

    /// <summary>What synthesising the line cost (or would have cost, for a cached line).</summary>
    public decimal Cost { get; init; }

    public string Currency { get; init; } = "USD";

    /// <summary>True when the line came from the store and nothing was synthesised or paid for.</summary>
    public bool Cached { get; init; }
}
