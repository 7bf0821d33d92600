namespace CloudReel.Core.Models;

/// <summary>
/// What the store knows about a content-addressed clip: how it was made and what it is. Written
/// beside the clip, so any later film that finds the clip can report where it came from.
/// </summary>
public sealed record ClipRecord
{
    public required string ContentKey { get; init; }

    public required string Model { get; init; }

    public required string ModelVersion { get; init; }

    public required string Prompt { get; init; }

    public long Seed { get; init; }

    public required double RequestedSeconds { get; init; }

    public required string Sha256 { get; init; }

    public long Bytes { get; init; }

    public required ClipProbe Probe { get; init; }

    /// <summary>The provider's job id that produced the clip.</summary>
    public string? JobId { get; init; }

    public decimal Cost { get; init; }

    public string Currency { get; init; } = "USD";

    public DateTime CreatedUtc { get; init; }
}

/// <summary>What ffprobe found in a clip.</summary>
public sealed record ClipProbe(
    double DurationSeconds,
    int Width,
    int Height,
    double FramesPerSecond,
    string VideoCodec,
    bool HasAudio,
    long? VideoFrames = null);
