namespace CloudReel.Core.Quality;

/// <summary>What a new clip is held to: the length it was asked for, whether it should carry sound, whether it may stand still.</summary>
/// <param name="Seconds">The length the model was asked for.</param>
/// <param name="ExpectsSound">Whether the model makes sound, so a silent clip is a bad take.</param>
/// <param name="MayHoldStill">
/// Whether the model's pictures may stand still by design (the animatic's storyboard cards drift so
/// slowly that small renders repeat frames), so a still stretch is no frozen take.
/// </param>
public sealed record ClipExpectation(double Seconds, bool ExpectsSound = false, bool MayHoldStill = false)
{
    /// <summary>What a clip of <paramref name="seconds"/> from <paramref name="model"/> is held to.</summary>
    public static ClipExpectation For(Models.ModelCapabilities model, double seconds) => new(seconds, model.MakesSound, model.StillPictures);

    public QualityThresholds Thresholds { get; init; } = QualityThresholds.Default;
}

/// <summary>
/// Where a check draws the line. Defaults suit generated footage: a freeze or black of a
/// fraction of a second, a fade from black at the very start, and ordinary camera motion all pass.
/// </summary>
public sealed record QualityThresholds
{
    public static readonly QualityThresholds Default = new();

    /// <summary>A still picture lasting this long (seconds) or this share of the clip, whichever is longer, is a frozen take.</summary>
    public double FreezeSeconds { get; init; } = 1.0;

    public double FreezeShare { get; init; } = 0.3;

    /// <summary>Black inside the clip this long is a flash to black; black at either end may last up to <see cref="BlackAtEdgeSeconds"/>.</summary>
    public double BlackSeconds { get; init; } = 0.2;

    public double BlackAtEdgeSeconds { get; init; } = 0.5;

    /// <summary>FFmpeg scdet's scene score (0–100) from which a change between two frames is a hard cut.</summary>
    public double CutScore { get; init; } = 12;

    /// <summary>How far the clip's length may stray from the length asked for: this many seconds or this share, whichever is more.</summary>
    public double DurationToleranceSeconds { get; init; } = 0.5;

    public double DurationToleranceShare { get; init; } = 0.1;

    /// <summary>A clip whose sound is silent for this share of its length counts as silent.</summary>
    public double SilentShare { get; init; } = 0.9;

    /// <summary>The level (dBFS) under which sound counts as silence.</summary>
    public double SilenceDecibels { get; init; } = -50;
}

/// <summary>One check on one clip: its name, whether it passed, why, and where in the clip.</summary>
/// <param name="Name">freeze, black, cut, duration, sound, decode or judge.</param>
/// <param name="Passed">Whether the clip passed it.</param>
/// <param name="Detail">What was found, in words a person acts on ("frozen from 0.2 s to the end").</param>
/// <param name="AtSeconds">Where in the clip the problem starts, when it has a place.</param>
/// <param name="Score">The check's measure, when it has one (scene score, judge score).</param>
public sealed record QualityCheck(string Name, bool Passed, string Detail, double? AtSeconds = null, double? Score = null)
{
    /// <summary>What the check cost (a vision judge's tokens), in the judge's currency.</summary>
    public decimal Cost { get; init; }
}

/// <summary>Every check one clip went through.</summary>
public sealed record ClipQualityReport(IReadOnlyList<QualityCheck> Checks)
{
    /// <summary>Read from the verdict recorded when the clip was first checked, not checked again.</summary>
    public bool Recorded { get; init; }

    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>"freeze: frozen from 0.2 s to the end; cut: …" for the checks that failed.</summary>
    public string Reasons => string.Join("; ", Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}"));
}

/// <summary>The offline checks on a clip's picture and sound (FFmpeg in CloudReel.Media).</summary>
public interface IClipChecker
{
    Task<ClipQualityReport> CheckAsync(string clipPath, ClipExpectation expectation, CancellationToken cancellationToken = default);
}
