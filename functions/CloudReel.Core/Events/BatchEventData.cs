namespace CloudReel.Core.Events;

/// <summary>
/// Data of cloudreel.batch.completed: every row has ended; how many completed and failed, what the
/// batch cost, and its reports (batch-report.json and .csv, signed, short-lived read links).
/// </summary>
public sealed record BatchCompletedData(
    string BatchId,
    string Name,
    int Rows,
    int Completed,
    int Failed,
    decimal Cost,
    string Currency,
    IReadOnlyList<OutputLink> Reports);
