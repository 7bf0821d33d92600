using CloudReel.Core.Workflow;

namespace CloudReel.Core.Reports;

/// <summary>
/// batch-report.json: every row of a batch with its film, how it ended, its outputs (paths under the
/// films root: &lt;film-id&gt;/&lt;file&gt;), what it cost and why it failed; and the batch's totals.
/// </summary>
public sealed record BatchReport(
    string BatchId,
    string Name,
    DateTime StartedUtc,
    DateTime FinishedUtc,
    int Completed,
    int Failed,
    decimal Cost,
    string Currency,
    IReadOnlyList<BatchRowResult> Rows);
