using System.Globalization;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Batches;

/// <summary>
/// The one way a batch comes in, whichever the door (`cloudreel batch`, POST /api/batches, a batch
/// dropped in the orders container): every row is checked the one way films are, once (by the expander that
/// made it, or here through <see cref="FilmIntake"/> for a row that comes unchecked) and estimated the one way batches are (<see cref="BatchEstimator"/>), and the batch is admitted all or nothing —
/// only when every row is valid and the whole estimate, each shot shared between rows counted once
/// (the clip cache pays for it once), fits the budget. Then every row is staged as a film and ONE
/// <see cref="BatchOrchestration"/> starts them.
/// </summary>
public sealed class BatchIntake(FilmIntake films, BatchEstimator estimator)
{
    /// <summary>
    /// Admits the batch or refuses it whole: with every row's errors, or saying by how much the estimate
    /// is over the budget. An admitted batch has every row staged and its orchestration started (false
    /// <see cref="BatchAdmission.Started"/>: a batch with that id exists already, nothing new started).
    /// </summary>
    public async Task<BatchAdmission> SubmitAsync(IFilmRuntime runtime, BatchSubmission submission, CancellationToken cancellationToken)
    {
        var errors = new List<OrderError>();
        var orders = new List<FilmOrder>(submission.Rows.Count);
        foreach (var row in submission.Rows)
        {
            if (row.Validated is { } validated)
            {
                orders.Add(validated);
                continue;
            }

            var loaded = await films.ValidateAsync(row.Order, row.Files, cancellationToken);
            if (loaded.IsValid) orders.Add(loaded.Order!);
            else errors.AddRange(loaded.Errors);
        }

        if (errors.Count > 0) return BatchAdmission.Refused(null, errors, $"{errors.Count} error(s) in the batch's rows; nothing was started");
        var estimate = await estimator.EstimateAsync(submission.Rows, cancellationToken);
        if (estimate.Errors.Count > 0) return BatchAdmission.Refused(estimate, estimate.Errors, $"{estimate.Errors.Count} error(s) in the batch's rows; nothing was started");
        if (Refusal(estimate, submission.Budget) is { } refusal) return BatchAdmission.Refused(estimate, [], refusal);

        var batchFilms = new List<BatchFilm>(submission.Rows.Count);
        for (var i = 0; i < submission.Rows.Count; i++)
        {
            var row = submission.Rows[i];
            var filmId = BatchIds.Film(submission.BatchId, row.Row, row.Key);
            var orderName = await films.StageAsync(filmId, row.Order, orders[i], row.Files, cancellationToken);
            var request = films.Request(filmId, orderName, FilmIntake.TitleOf(orders[i], row.Order), $"{submission.Source} row {row.Row}", submission.Draft);
            batchFilms.Add(new BatchFilm(row.Row, row.Key, request));
        }

        var label = batchFilms.Count > 0 ? batchFilms[0].Film.Label : null;
        var batch = new BatchRequest(submission.BatchId, batchFilms, Math.Max(1, submission.FilmsAtOnce))
        {
            SendsEvents = films.SendsEvents,
            Label = new BatchLabel(submission.Name, submission.Source, label?.OutputRoot, label?.Store)
            {
                EstimatedCost = estimate.Total,
                Currency = estimate.Currency,
                Budget = submission.Budget,
            },
        };
        return BatchAdmission.Admitted(estimate, await runtime.StartBatchAsync(batch, cancellationToken));
    }

    /// <summary>Why the estimate does not fit: over the batch's budget (by how much), or a row over its own order's budget.</summary>
    public static string? Refusal(BatchEstimate estimate, decimal? budget)
    {
        if (estimate.IsOverBudget(budget))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the batch's estimate of {estimate.Total:0.00} {estimate.Currency} is over its budget of {budget:0.00} {estimate.Currency} by {estimate.Total - budget:0.00} {estimate.Currency}; nothing was started");
        }

        var over = estimate.Rows.Where(r => r.OverOwnBudget).ToList();
        if (over.Count == 0) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"{over.Count} row(s) are over their own order's budget (first: row {over[0].Row}, {over[0].Key}, estimated {over[0].Cost:0.00} {estimate.Currency}); nothing was started");
    }
}

/// <summary>A batch as a door hands it in: its id, name and origin, its rows, the cap on films at once and the budget.</summary>
public sealed record BatchSubmission(string BatchId, string Name, string Source, IReadOnlyList<BatchRowOrder> Rows, int FilmsAtOnce, decimal? Budget = null)
{
    /// <summary>Assemble every film as a draft preview.</summary>
    public bool Draft { get; init; }
}

/// <summary>Whether the batch was admitted; if not, why (every row error, or the budget).</summary>
public sealed record BatchAdmission(BatchEstimate? Estimate, bool Accepted, bool Started, IReadOnlyList<OrderError> Errors, string? Reason)
{
    public static BatchAdmission Admitted(BatchEstimate estimate, bool started) => new(estimate, true, started, [], null);

    public static BatchAdmission Refused(BatchEstimate? estimate, IReadOnlyList<OrderError> errors, string reason) => new(estimate, false, false, errors, reason);
}
