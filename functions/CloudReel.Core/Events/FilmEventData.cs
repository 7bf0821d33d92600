namespace CloudReel.Core.Events;

/// <summary>Data of cloudreel.film.storyboard-ready: the plan is written and, when asked, waits for approval.</summary>
public sealed record StoryboardReadyData(
    string FilmId,
    string Title,
    int Shots,
    decimal EstimatedCost,
    string Currency,
    bool ApprovalRequired,
    string Storyboard);

/// <summary>Data of cloudreel.shot.generated: a shot has its clip (made now, or found in the cache).</summary>
public sealed record ShotGeneratedData(
    string FilmId,
    string ShotId,
    string Model,
    string Source,
    string ContentKey,
    decimal Cost,
    int Attempts);

/// <summary>Data of cloudreel.shot.failed: every model in the shot's chain was tried; why each failed.</summary>
public sealed record ShotFailedData(string FilmId, string ShotId, string Reason, IReadOnlyList<AttemptSummary> Attempts);

/// <summary>One model's attempt at a shot, as events tell it.</summary>
public sealed record AttemptSummary(string Model, string Result, string? Reason, string? Message);

/// <summary>Data of cloudreel.film.completed: where the outputs are (signed, short-lived read links) and what it cost.</summary>
public sealed record FilmCompletedData(
    string FilmId,
    string Title,
    double FilmSeconds,
    decimal Cost,
    string Currency,
    IReadOnlyList<OutputLink> Outputs);

/// <summary>One output of a film: its store name and, once signed, a read link and when it expires.</summary>
public sealed record OutputLink(string Name, string ContentType, Uri? Url = null, DateTime? ExpiresUtc = null);

/// <summary>Data of cloudreel.film.failed: the reason, and each failed shot's own reason.</summary>
public sealed record FilmFailedData(string FilmId, string Reason, IReadOnlyList<ShotFailure> Shots);

public sealed record ShotFailure(string ShotId, string Reason);
