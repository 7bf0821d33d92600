using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow;

/// <summary>
/// Starts a film: the staged order lives in the clip store under orders/&lt;film-id&gt;/. The host that
/// starts the film decides how it is assembled, so the choice is part of the orchestration's input and
/// replays identically: in this process (null, the local default), or by the assembler container
/// through the assembly queue (<see cref="QueuedAssembly"/>, the Azure Functions app).
/// </summary>
public sealed record FilmRequest(string FilmId, string OrderName, QueuedAssembly? QueuedAssembly = null)
{
    /// <summary>Assemble a draft preview (<see cref="Timeline.FilmTimeline.Draft"/>); the shots and their clips are those of the finished film.</summary>
    public bool Draft { get; init; }

    /// <summary>What people know the film by; kept by the engine with the instance, so hosts list and find films there.</summary>
    public FilmLabel? Label { get; init; }

    /// <summary>False when the host that took the film in had nowhere to send events: then none is published (no activity, and no wait for one at the end).</summary>
    public bool SendsEvents { get; init; } = true;
}

/// <summary>
/// A film's title, where its order came from (a file, a request, a blob), and for films made on
/// this machine where its outputs go and which store holds its clips (never with a secret).
/// </summary>
public sealed record FilmLabel(string Title, string Source, string? OutputRoot = null, string? Store = null);

/// <summary>
/// The film is assembled by the assembler container: the job goes on the assembly queue and the film
/// waits for the <see cref="FilmEvents.AssemblyCompleted"/> event, failing with a clear reason after
/// <paramref name="Timeout"/>.
/// </summary>
public sealed record QueuedAssembly(TimeSpan Timeout);

/// <summary>
/// The payload of <see cref="FilmEvents.AssemblyCompleted"/>: raised with the assembler's result when
/// films/&lt;film-id&gt;/assembly-result.json arrives (succeeded), or when the job ends on the poison
/// queue or its result cannot be read (failed, with the reason).
/// </summary>
public sealed record AssemblyCompletion(bool Succeeded, string? Error = null, AssemblyResult? Result = null);

/// <summary>How a film ended.</summary>
public sealed record FilmResult(string FilmId, string OutputFolder, IReadOnlyList<string> Outputs, decimal Cost, string Currency);

/// <summary>A film after planning: every shot with the models to try, in order.</summary>
public sealed record PlannedFilm
{
    public required FilmOrder Order { get; init; }

    public required IReadOnlyList<PlannedShot> Shots { get; init; }

    /// <summary>Jobs each model may run at once; the fan-out never exceeds it.</summary>
    public required IReadOnlyDictionary<string, int> ModelConcurrency { get; init; }

    /// <summary>What the planner noticed and a person may want to know (e.g. a shortened shot).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Cost if every shot is made by its first model; clips already in the store cost nothing.</summary>
    public decimal EstimatedCost => Shots.Sum(s => s.Chain.Count > 0 ? s.Chain[0].EstimatedCost : 0);
}

/// <summary>A shot with its fallback chain: each model's request and content key; or, made of one's own clip, that clip and no chain.</summary>
public sealed record PlannedShot(ShotSpec Shot, IReadOnlyList<ModelAttempt> Chain, OwnClip? Own = null);

/// <summary>
/// A shot made of one's own footage (the order's <c>clip</c>): the staged file, its SHA-256, and the content
/// key it is filed under in the clip store. No model makes it, and it costs nothing.
/// </summary>
public sealed record OwnClip(string File, string Sha256, string ContentKey)
{
    /// <summary>What plans, statuses and reports name as the shot's maker.</summary>
    public const string Maker = "own-clip";
}

/// <summary>
/// One model's way of making a shot. <paramref name="SlotGroup"/> and <paramref name="SlotCapacity"/>
/// name the service's job slots the attempt holds while its job runs (0: no process-wide limit).
/// </summary>
public sealed record ModelAttempt(
    string Model,
    string ModelVersion,
    ShotRequest Request,
    string ContentKey,
    decimal EstimatedCost,
    TimeSpan PollInterval,
    TimeSpan Timeout,
    string? SlotGroup = null,
    int SlotCapacity = 0);

/// <summary>The result of validating a staged order: the order, or every error found.</summary>
public sealed record ValidatedOrder(FilmOrder? Order, IReadOnlyList<OrderError> Errors);

/// <summary>A reviewer's answer at the storyboard approval gate.</summary>
public sealed record ApprovalDecision(bool Approved, string? By = null, string? Comment = null);

/// <summary>Names of the external events the film orchestration waits for.</summary>
public static class FilmEvents
{
    public const string StoryboardApproved = "StoryboardApproved";

    /// <summary>The assembler container finished (or gave up on) a queued assembly; payload <see cref="AssemblyCompletion"/>.</summary>
    public const string AssemblyCompleted = "AssemblyCompleted";
}

/// <summary>What a film's custom status shows while it runs; the estimate is known once the film is planned.</summary>
public sealed record FilmProgress(
    string Stage, int ShotsDone, int ShotsTotal, int ShotsFromCache, string? Message = null, decimal? EstimatedCost = null, string? Currency = null);

/// <summary>What a shot's custom status shows while it runs.</summary>
public sealed record ShotProgress(string ShotId, string State, string Model, int? Percent = null);

/// <summary>The stages of a film, in order, as report.json names them.</summary>
public static class FilmStages
{
    public const string Validate = "validate";
    public const string Plan = "plan";
    public const string Approval = "approval";
    public const string Speak = "speak";
    public const string Generate = "generate";
    public const string Assemble = "assemble";
    public const string Outputs = "outputs";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
