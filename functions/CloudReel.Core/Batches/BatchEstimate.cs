using CloudReel.Core.Orders;
using CloudReel.Core.Planning;

namespace CloudReel.Core.Batches;

/// <summary>One row's plan in a batch estimate.</summary>
/// <param name="Row">The row's number in its data file.</param>
/// <param name="Key">The film's name.</param>
/// <param name="Shots">Shots the film has.</param>
/// <param name="FromStore">Shots whose clip the store holds already (free).</param>
/// <param name="SharedWithEarlier">Shots an earlier row of the batch makes too (same content key): paid there, once.</param>
/// <param name="Cost">What the film would cost on its own.</param>
/// <param name="BatchCost">What the film adds to the batch: its cost less the shots an earlier row pays for.</param>
/// <param name="OverOwnBudget">The film's own estimate is over its order's budget.</param>
public sealed record BatchRowEstimate(int Row, string Key, int Shots, int FromStore, int SharedWithEarlier, decimal Cost, decimal BatchCost, bool OverOwnBudget);

/// <summary>
/// What a batch would cost, planned the one way films are planned (<see cref="PlanPreview"/>): per row,
/// and in all, where a shot several rows share (the same clip-cache content key) is paid once.
/// </summary>
public sealed record BatchEstimate(IReadOnlyList<BatchRowEstimate> Rows, int SharedShots, int SharedKeys, decimal Saved, string Currency, IReadOnlyList<OrderError> Errors)
{
    public int Shots => Rows.Sum(r => r.Shots);

    public int FromStore => Rows.Sum(r => r.FromStore);

    /// <summary>What the whole batch would cost, shared shots paid once.</summary>
    public decimal Total => Rows.Sum(r => r.BatchCost);

    public bool IsOverBudget(decimal? budget) => budget is { } limit && Total > limit;
}

/// <summary>Plans every row of a batch and sums the cost, each content key paid once.</summary>
public sealed class BatchEstimator(PlanPreview preview)
{
    public async Task<BatchEstimate> EstimateAsync(IReadOnlyList<BatchRowOrder> rows, CancellationToken cancellationToken)
    {
        var paid = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var sharedKeys = new HashSet<string>(StringComparer.Ordinal);
        var estimates = new List<BatchRowEstimate>();
        var errors = new List<OrderError>();
        var shared = 0;
        var saved = 0m;
        string? currency = null;
        foreach (var row in rows)
        {
            var order = OrderLoader.BindUnchecked(row.Order.Text, row.Order.Extension);
            if (order is null) continue;
            currency ??= order.Budget?.Currency;
            PlanPreviewResult plan;
            try
            {
                plan = await preview.PlanAsync(order, row.Files, path => path, cancellationToken);
            }
            catch (InvalidOrderException invalid)
            {
                errors.AddRange(invalid.Errors.Select(e => e with { File = row.Order.DisplayName }));
                continue;
            }

            var fromStore = 0;
            var sharedHere = 0;
            var batchCost = 0m;
            foreach (var first in plan.Plan.Shots.Where(s => s.Chain.Count > 0).Select(s => s.Chain[0]))
            {
                if (plan.Cached.Contains(first.ContentKey)) fromStore++;
                var knownKey = first.Request.ContinuesFrom is not "";
                if (knownKey && !paid.TryAdd(first.ContentKey, first.EstimatedCost))
                {
                    sharedHere++;
                    sharedKeys.Add(first.ContentKey);
                    saved += first.EstimatedCost;
                    continue;
                }

                batchCost += first.EstimatedCost;
            }

            shared += sharedHere;
            estimates.Add(new BatchRowEstimate(row.Row, row.Key, plan.Plan.Shots.Count, fromStore, sharedHere, plan.Plan.EstimatedCost, batchCost, plan.IsOverBudget));
        }

        return new BatchEstimate(estimates, shared, sharedKeys.Count, saved, currency ?? "USD", errors);
    }
}
