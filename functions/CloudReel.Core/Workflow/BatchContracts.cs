namespace CloudReel.Core.Workflow;

/// <summary>
/// Starts a batch: every row's film is staged already (orders/&lt;film-id&gt;/) and is started by
/// <see cref="BatchOrchestration"/> as a sub-orchestration under its film id, at most
/// <paramref name="FilmsAtOnce"/> at a time, in row order.
/// </summary>
public sealed record BatchRequest(string BatchId, IReadOnlyList<BatchFilm> Films, int FilmsAtOnce)
{
    /// <summary>What people know the batch by; kept by the engine with the instance, so hosts list and find batches there.</summary>
    public BatchLabel? Label { get; init; }

    /// <inheritdoc cref="FilmRequest.SendsEvents"/>
    public bool SendsEvents { get; init; } = true;
}

/// <summary>One row of a batch: its number in the data file, its key (the film's name in the batch) and its film.</summary>
public sealed record BatchFilm(int Row, string Key, FilmRequest Film);

/// <summary>
/// A batch's name, where its template and data came from, where a local run puts its outputs, which
/// store holds its clips (never with a secret), and the estimate it was admitted with.
/// </summary>
public sealed record BatchLabel(string Name, string Source, string? OutputRoot = null, string? Store = null)
{
    public decimal EstimatedCost { get; init; }

    public string Currency { get; init; } = "USD";

    public decimal? Budget { get; init; }
}

/// <summary>
/// What a batch's custom status shows while it runs. <paramref name="RowStates"/> has one character
/// per row, in row order (see <see cref="BatchRowStates"/>), so the status stays small for a thousand rows.
/// </summary>
public sealed record BatchProgress(string Stage, int Total, int Done, int Running, int Failed, decimal Cost, string Currency, string RowStates)
{
    public int Waiting => Total - Done - Running - Failed;
}

/// <summary>The characters of <see cref="BatchProgress.RowStates"/>.</summary>
public static class BatchRowStates
{
    public const char Waiting = '.';
    public const char Running = 'r';
    public const char Completed = 'c';
    public const char Failed = 'f';

    /// <summary>The row's status as reports and the API name it.</summary>
    public static string Name(char state) => state switch
    {
        Running => "running",
        Completed => "completed",
        Failed => "failed",
        _ => "waiting",
    };
}

/// <summary>The stages of a batch.</summary>
public static class BatchStages
{
    public const string Films = "films";
    public const string Report = "report";
    public const string Completed = "completed";
}

/// <summary>One row as the batch report tells it: its film, how it ended, its outputs (store names) and what it cost.</summary>
public sealed record BatchRowResult(int Row, string Key, string FilmId, string Status, IReadOnlyList<string> Outputs, decimal Cost, string? Error);

/// <summary>The batch report's input: every row as the orchestration saw it end.</summary>
public sealed record BatchReportRequest(string BatchId, string Name, string Currency, DateTime StartedUtc, DateTime FinishedUtc, IReadOnlyList<BatchRowResult> Rows);

/// <summary>What the batch report activity wrote: the report files (store names) and the batch's cost with every failed row's own cost added.</summary>
public sealed record BatchReportFiles(IReadOnlyList<string> Files, decimal Cost);

/// <summary>How a batch ended: rows completed and failed, its cost and its report files (store names).</summary>
public sealed record BatchResult(string BatchId, int Completed, int Failed, decimal Cost, string Currency, IReadOnlyList<string> Reports);
