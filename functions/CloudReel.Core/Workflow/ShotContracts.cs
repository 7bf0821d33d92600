using CloudReel.Core.Models;

namespace CloudReel.Core.Workflow;

/// <summary>Input of one shot's orchestration; with a budget, every paid attempt is reserved against it first.</summary>
public sealed record ShotInput(string FilmId, string ShotId, IReadOnlyList<ModelAttempt> Chain, Orders.Budget? Budget = null);

/// <summary>Input of the submit and download activities: one model attempt at one shot.</summary>
public sealed record ShotJob(string FilmId, string ShotId, ModelAttempt Attempt);

/// <summary>Input of the poll activity; a poll re-holds the job's model slot (see <see cref="Ports.IModelSlots.HoldAsync"/>).</summary>
public sealed record JobQuery(string Model, string JobId, string ContentKey, string? SlotGroup = null);

/// <summary>Input of the download activity: the job that succeeded.</summary>
public sealed record ClipDownload(ShotJob Job, JobStatus Status);

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
