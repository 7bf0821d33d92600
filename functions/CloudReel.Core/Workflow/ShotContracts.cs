using CloudReel.Core.Models;

namespace CloudReel.Core.Workflow;

/// <summary>
/// Input of one shot's orchestration; with a budget, every paid attempt is reserved against it first.
/// <paramref name="Previous"/> is the clip the shot continues (the shot before it in its sequence);
/// <paramref name="Qa"/> how its new clips are checked and retaken (none: not checked); <paramref name="Own"/> the
/// clip of one's own that is the shot (then the chain is empty).
/// </summary>
public sealed record ShotInput(
    string FilmId, string ShotId, IReadOnlyList<ModelAttempt> Chain, Orders.Budget? Budget = null, PreviousClip? Previous = null, ShotQa? Qa = null,
    OwnClip? Own = null);

/// <summary>Input of the activity that files a shot's own clip in the clip store.</summary>
public sealed record OwnClipJob(string FilmId, string ShotId, OwnClip Clip);

/// <summary>The clip a shot continues from: its content key (where its last frame is kept) and its SHA-256 (part of the shot's key).</summary>
public sealed record PreviousClip(string ShotId, string ContentKey, string Sha256);

/// <summary>What a shot's clips are checked against: the order's <c>qa</c>, and for the judge the cast in the shot and the film's look.</summary>
public sealed record ShotQa(Orders.QaSpec Spec, IReadOnlyList<Orders.CastMember> Cast, string Look, IReadOnlyList<string> LookPictures);

/// <summary>Input of the check activity: one clip in the store, the model and length it was made with, and what to check it for.</summary>
public sealed record ClipCheckRequest(string ContentKey, string Model, double Seconds, string Prompt, ShotQa Qa);

/// <summary>Input of the submit activity: one model attempt at one shot, and the film's budget when it has one.</summary>
public sealed record ShotJob(string FilmId, string ShotId, ModelAttempt Attempt, Orders.Budget? Budget = null);

/// <summary>What the submit activity did with a model attempt.</summary>
/// <param name="Result">How it ended; see <see cref="SubmissionResult"/>.</param>
/// <param name="Job">The service's answer: the job (or its refusal) when submitted, the wait it asked for when deferred.</param>
/// <param name="Clip">The clip already in the store, when cached.</param>
/// <param name="Budget">The budget's answer, when it refused the attempt.</param>
public sealed record ShotSubmission(SubmissionResult Result, JobStatus? Job = null, ClipRecord? Clip = null, Ports.BudgetDecision? Budget = null);

public enum SubmissionResult
{
    /// <summary>The clip is in the store already: nothing is reserved, held or sent.</summary>
    Cached,

    /// <summary>The clip's estimate would take the film over its budget: nothing is sent.</summary>
    OverBudget,

    /// <summary>Every job slot of the service is held: nothing is sent; try again later.</summary>
    NoSlot,

    /// <summary>The service deferred it (rate limit, full queue), or another film is submitting the same clip: nothing is sent; try again later.</summary>
    Deferred,

    /// <summary>The service answered: a job whose id is recorded in the job ledger, or a refusal.</summary>
    Submitted,
}

/// <summary>Input of the poll activity: the attempt and its job (a running job re-holds its model slot, a finished one gives it back).</summary>
public sealed record JobQuery(ModelAttempt Attempt, string JobId);

/// <summary>How a job stands; once it has succeeded, the clip it made, fetched, checked and filed.</summary>
public sealed record JobProgress(JobStatus Status, ClipRecord? Clip = null);

/// <summary>How a shot ended, with every attempt it took.</summary>
public sealed record ShotOutcome
{
    public required string ShotId { get; init; }

    public required ShotSource Source { get; init; }

    /// <summary>The clip that made the shot; null when the shot failed.</summary>
    public ClipRecord? Clip { get; init; }

    /// <summary>The model that made the clip.</summary>
    public string? Model { get; init; }

    public IReadOnlyList<AttemptRecord> Attempts { get; init; } = [];

    /// <summary>An error outside any model attempt (the shot's orchestration itself failed).</summary>
    public string? Error { get; init; }

    public bool Succeeded => Clip is not null;

    /// <summary>Why the shot failed: every attempt's reason.</summary>
    public string? FailureSummary => Succeeded ? null
        : Error ?? (Attempts.Count == 0
            ? "no model in the shot's chain can make it"
            : string.Join("; ", Attempts.Select(a => a.Describe())));
}

public enum ShotSource
{
    Generated,
    Cache,
    Failed,

    /// <summary>The order's own clip (<c>clip</c>): no model made it, and it cost nothing.</summary>
    Provided,
}

/// <summary>One model's attempt at a shot.</summary>
public sealed record AttemptRecord(
    string Model,
    string ContentKey,
    string? JobId,
    AttemptResult Result,
    FailureReason? Reason = null,
    string? ProviderCode = null,
    string? Message = null,
    decimal Cost = 0)
{
    /// <summary>Which take of this model it was: 0 the planned one, then a retake (a new seed) after each take that failed the checks.</summary>
    public int Take { get; init; }

    public long? Seed { get; init; }

    /// <summary>The quality checks the attempt's clip went through; null when it made no clip or the order checks none.</summary>
    public IReadOnlyList<Quality.QualityCheck>? Checks { get; init; }

    /// <summary>The checks were read from the verdict recorded when the clip was first checked, not run again.</summary>
    public bool ChecksRecorded { get; init; }

    /// <summary>What checking cost (a vision judge's tokens); recorded verdicts cost nothing again.</summary>
    public decimal ChecksCost => ChecksRecorded ? 0 : Checks?.Sum(c => c.Cost) ?? 0;

    public string Describe() => Result switch
    {
        AttemptResult.Succeeded => $"{Model}: succeeded",
        AttemptResult.OverBudget => $"{Model}: over budget: {Message}",
        AttemptResult.FailedChecks => $"{Model}: take {Take + 1} failed the checks: {Message}",
        _ => $"{Model}: {Reason?.ToString().ToLowerInvariant() ?? "failed"}{(ProviderCode is null ? "" : $" ({ProviderCode})")}: {Message}",
    };
}

public enum AttemptResult
{
    Succeeded,
    FromCache,
    Refused,
    Failed,
    TimedOut,
    BadClip,

    /// <summary>Not submitted: the job would have taken the film over its budget.</summary>
    OverBudget,

    /// <summary>The clip was made (and paid for) but failed the quality checks: the shot is retaken, falls back or fails.</summary>
    FailedChecks,
}
