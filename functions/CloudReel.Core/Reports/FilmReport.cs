using CloudReel.Core.Orders;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Reports;

/// <summary>report.json: what a run did, what it cost and how long each stage took.</summary>
public sealed record FilmReport
{
    public required string FilmId { get; init; }

    public required string Title { get; init; }

    /// <summary>"completed" or "failed".</summary>
    public required string Status { get; init; }

    public string? Error { get; init; }

    public required DateTime StartedUtc { get; init; }

    public required DateTime FinishedUtc { get; init; }

    public required ShotCounts Shots { get; init; }

    public required CostSummary Cost { get; init; }

    public required IReadOnlyList<StageTiming> Stages { get; init; }

    public double? FilmSeconds { get; init; }

    public int? FilmFrames { get; init; }

    public IReadOnlyList<string> Outputs { get; init; } = [];

    public IReadOnlyList<OrderError> OrderErrors { get; init; } = [];

    public IReadOnlyList<ShotReport> ShotDetails { get; init; } = [];

    /// <summary>The order's visible AI-content label, repeated in provenance.</summary>
    public string? Label { get; init; }

    /// <summary>The implicit AI-content label written into the films' metadata (GB 45438-2025 Appendix E).</summary>
    public string? ImplicitLabel { get; init; }

    /// <summary>The quality checks on the shots' clips; null when the order checks nothing.</summary>
    public QualitySummary? Quality { get; init; }

    /// <summary>How the films were assembled: a draft or not, and what was reused from earlier assemblies.</summary>
    public AssemblyReport? Assembly { get; init; }

    /// <summary>The film's speech: provider, lines synthesised and read back, characters billed, cost.</summary>
    public SpeechReport? Speech { get; init; }
}

/// <summary>
/// What assembly reused: per film file, its chunks reused and encoded and the encoding seconds saved;
/// whether the sound was reused whole.
/// </summary>
public sealed record AssemblyReport(bool Draft, bool SoundReused, IReadOnlyList<Ports.RenditionReuse> Renditions)
{
    public double SecondsSaved => Math.Round(Renditions.Sum(r => r.SecondsSaved), 1);
}

/// <summary>Shots by how they were made. A shot is counted once however many runs it took.</summary>
public sealed record ShotCounts(int Planned, int Generated, int FromCache, int Retried, int FallenBack, int Failed)
{
    /// <summary>Shots with at least one take that failed the quality checks (and so were retaken, fell back, failed or kept it).</summary>
    public int Retaken { get; init; }

    /// <summary>Shots made of the order's own clips: no model, no cost.</summary>
    public int Provided { get; init; }
}

/// <summary>
/// The quality checks of a run: clips checked (and of them, verdicts read from an earlier check), takes
/// that failed, checks that failed by name, and what checking cost.
/// </summary>
public sealed record QualitySummary(int ClipsChecked, int VerdictsRecorded, int TakesFailed, IReadOnlyDictionary<string, int> FailedChecks, decimal Cost);

public sealed record CostSummary(decimal Estimated, decimal Actual, string Currency, decimal? Budget);

public sealed record StageTiming(string Stage, double Seconds);

/// <summary>One shot in the report.</summary>
public sealed record ShotReport
{
    public required string Id { get; init; }

    public required ShotSource Source { get; init; }

    public string? Model { get; init; }

    public string? ModelVersion { get; init; }

    public string? ContentKey { get; init; }

    public string? Prompt { get; init; }

    public long? Seed { get; init; }

    public string? Sha256 { get; init; }

    public double Seconds { get; init; }

    /// <summary>What the shot's attempts and their checks cost in this run (a clip from the cache costs nothing).</summary>
    public decimal Cost { get; init; }

    /// <summary>Provider jobs submitted for this shot's clips, over every run (from the job ledger).</summary>
    public int Submissions { get; init; }

    /// <summary>Every attempt in order: model, take, seed, content key, job, result, cost, and the checks its clip went through with what they cost.</summary>
    public IReadOnlyList<AttemptRecord> Attempts { get; init; } = [];

    /// <summary>New takes (new seeds) made because a take failed the quality checks.</summary>
    public int Retakes { get; init; }

    /// <summary>The checks of the clip that made the shot.</summary>
    public IReadOnlyList<Quality.QualityCheck>? Checks { get; init; }

    /// <summary>The shot this one continues from (the one before it in its sequence), whose last frame it starts from.</summary>
    public string? ContinuesFrom { get; init; }

    /// <summary>Why the shot left its first model, when it did.</summary>
    public string? FallbackReason { get; init; }

    public string? Error { get; init; }
}

/// <summary>What speaking the film took: lines synthesised now (and paid for) and lines read back from the store (free).</summary>
public sealed record SpeechReport(string Provider, int LinesSynthesised, int LinesCached, int Characters, decimal Cost, string Currency)
{
    public static SpeechReport Of(Speech.SpokenFilm film) =>
        new(film.Provider, film.LinesSynthesised, film.LinesCached, film.Characters, film.Cost, film.Currency);
}
