using CloudReel.Core.Models;

namespace CloudReel.Core.Workflow;

/// <summary>Input of one shot's orchestration; with a budget, every paid attempt is reserved against it first.</summary>
public sealed record ShotInput(string FilmId, string ShotId, IReadOnlyList<ModelAttempt> Chain, Orders.Budget? Budget = null);

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
    public string Describe() => Result switch
    {
        AttemptResult.Succeeded => $"{Model}: succeeded",
        AttemptResult.OverBudget => $"{Model}: over budget: {Message}",
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
}
