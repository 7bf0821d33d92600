using System.Globalization;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Batches;

/// <summary>
/// The one way a batch comes in, whichever the door (`cloudreel batch`, POST /api/batches, a batch
/// dropped in the orders container): every row is checked and planned the one way films are
/// (<see cref="FilmIntake"/>, <see cref="PlanPreview"/>), and the batch is admitted all or nothing —
/// only when every row is valid and the whole estimate, each shot shared between rows counted once
/// (the clip cache pays for it once), fits the budget. Then every row is staged as a film and ONE
/// <see cref="BatchOrchestration"/> starts them.
/// </summary>
public sealed class BatchIntake(FilmIntake films, PlanPreview preview)
{
    /// <summary>Checks and plans every row; nothing is staged or started.</summary>
    public async Task<BatchEstimate> EstimateAsync(IReadOnlyList<BatchRowOrder> rows, CancellationToken cancellationToken)
    {
        var errors = new List<OrderError>();
        var estimates = new List<BatchRowEstimate>(rows.Count);
        var shots = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var shotCount = 0;
        string? currency = null;
        foreach (var row in rows)
        {
            var loaded = await films.ValidateAsync(row.Order, row.Files, cancellationToken);
            if (!loaded.IsValid)
            {
                errors.AddRange(loaded.Errors);
                continue;
            }

            PlanPreviewResult plan;
            try
            {
                plan = await preview.PlanAsync(loaded.Order!, row.Files, path => path, cancellationToken);
            }
            catch (InvalidOrderException invalid)
            {
                errors.AddRange(invalid.Errors);
                continue;
            }

            foreach (var shot in plan.Plan.Shots.Where(s => s.Chain.Count > 0))
            {
                shots.TryAdd(shot.Chain[0].ContentKey, shot.Chain[0].EstimatedCost);
                shotCount++;
            }

            currency ??= plan.Plan.Order.Budget?.Currency;
            estimates.Add(new BatchRowEstimate(row, loaded.Order!, plan.Plan.Shots.Count, plan.Plan.EstimatedCost, plan.Plan.Order.Budget?.Limit));
        }

        return new BatchEstimate(estimates, errors, shotCount, shots.Count, shots.Values.Sum(), currency ?? "USD");
    }

    /// <summary>
    /// Admits the batch or refuses it whole: with every row's errors, or saying by how much the estimate
    /// is over the budget. An admitted batch has every row staged and its orchestration started (false
    /// <see cref="BatchAdmission.Started"/>: a batch with that id exists already, nothing new started).
    /// </summary>
    public async Task<BatchAdmission> SubmitAsync(IFilmRuntime runtime, BatchSubmission submission, CancellationToken cancellationToken)
    {
        var estimate = await EstimateAsync(submission.Rows, cancellationToken);
        if (estimate.Errors.Count > 0) return BatchAdmission.Refused(estimate, estimate.Errors, $"{estimate.Errors.Count} error(s) in the batch's rows; nothing was started");
        if (Refusal(estimate, submission.Budget) is { } refusal) return BatchAdmission.Refused(estimate, [], refusal);

        var batchFilms = new List<BatchFilm>(estimate.Rows.Count);
        foreach (var row in estimate.Rows)
        {
            var filmId = BatchIds.Film(submission.BatchId, row.Row.Row, row.Row.Key);
            var orderName = await films.StageAsync(filmId, row.Row.Order, row.Order, row.Row.Files, cancellationToken);
            var request = films.Request(filmId, orderName, FilmIntake.TitleOf(row.Order, row.Row.Order), $"{submission.Source} row {row.Row.Row}", submission.Draft);
            batchFilms.Add(new BatchFilm(row.Row.Row, row.Row.Key, request));
        }

        var label = batchFilms.Count > 0 ? batchFilms[0].Film.Label : null;
        var batch = new BatchRequest(submission.BatchId, batchFilms, Math.Max(1, submission.FilmsAtOnce))
        {
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
        if (budget is { } limit && estimate.Total > limit)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the batch's estimate of {estimate.Total:0.00} {estimate.Currency} is over its budget of {limit:0.00} {estimate.Currency} by {estimate.Total - limit:0.00} {estimate.Currency}; nothing was started");
        }

        var over = estimate.Rows.Where(r => r.Budget is { } own && r.Cost > own).ToList();
        if (over.Count == 0) return null;
        var first = over[0];
        return string.Create(CultureInfo.InvariantCulture,
            $"{over.Count} row(s) are over their own budget, e.g. row {first.Row.Row} ({first.Row.Key}): {first.Cost:0.00} {estimate.Currency} against {first.Budget:0.00}, over by {first.Cost - first.Budget:0.00}; nothing was started");
    }
}

/// <summary>A batch as a door hands it in: its id, name and origin, its rows, the cap on films at once and the budget.</summary>
public sealed record BatchSubmission(string BatchId, string Name, string Source, IReadOnlyList<BatchRowOrder> Rows, int FilmsAtOnce, decimal? Budget = null)
{
    /// <summary>Assemble every film as a draft preview.</summary>
    public bool Draft { get; init; }
}

/// <summary>One valid row, planned: its order, shots and estimate (its own, shared shots counted), and its order's budget.</summary>
public sealed record BatchRowEstimate(BatchRowOrder Row, FilmOrder Order, int Shots, decimal Cost, decimal? Budget);

/// <summary>
/// Every valid row planned, every error found, and the batch's total: each distinct shot (content key)
/// counted once, as the clip cache makes it once for every row that shares it.
/// </summary>
public sealed record BatchEstimate(IReadOnlyList<BatchRowEstimate> Rows, IReadOnlyList<OrderError> Errors, int Shots, int DistinctShots, decimal Total, string Currency)
{
    /// <summary>Shots that more than one row has (made once).</summary>
    public int SharedShots => Shots - DistinctShots;
}

/// <summary>Whether the batch was admitted; if not, why (every row error, or the budget).</summary>
public sealed record BatchAdmission(BatchEstimate Estimate, bool Accepted, bool Started, IReadOnlyList<OrderError> Errors, string? Reason)
{
    public static BatchAdmission Admitted(BatchEstimate estimate, bool started) => new(estimate, true, started, [], null);

    public static BatchAdmission Refused(BatchEstimate estimate, IReadOnlyList<OrderError> errors, string reason) => new(estimate, false, false, errors, reason);
}
