namespace CloudReel.Api.Batches;

/// <summary>GET /api/batches/{id}: where a batch stands, row by row, with a link to each row's film and, once written, to its reports.</summary>
public sealed record BatchStatusResponse(
    string Id,
    string Name,
    string Status,
    string? Stage,
    DateTime CreatedUtc,
    DateTime LastUpdatedUtc,
    BatchTally Rows,
    BatchCost Cost,
    IReadOnlyList<BatchRowState> RowDetails,
    IReadOnlyList<Status.FilmOutput> Reports,
    string? Error,
    BatchLinks Links);

/// <summary>How many rows there are, and how many are done, running, failed and waiting.</summary>
public sealed record BatchTally(int Total, int Done, int Running, int Failed, int Waiting);

/// <summary>The estimate the batch was admitted with, what its finished films cost so far, and its budget.</summary>
public sealed record BatchCost(decimal Estimated, decimal Actual, string Currency, decimal? Budget);

/// <summary>One row: its number and key, its film and where it stands (waiting, running, completed, failed), its cost, and why it failed.</summary>
public sealed record BatchRowState(int Row, string Key, string FilmId, string Status, string Film, decimal? Cost, string? Error);

/// <summary>The batch itself, and cancel while it runs.</summary>
public sealed record BatchLinks(string Self, string? Cancel = null);

/// <summary>The answer to an accepted batch (202): the batch, its rows, and where to watch it.</summary>
public sealed record BatchAccepted(string Id, string Status, string StatusUrl, int Rows, decimal EstimatedCost, string Currency);
