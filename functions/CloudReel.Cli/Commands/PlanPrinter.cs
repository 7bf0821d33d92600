using System.Globalization;
using CloudReel.Core.Planning;

namespace CloudReel.Cli.Commands;

/// <summary>Prints a plan shot by shot: model and fallbacks (or "own clip", at no cost), seconds, size, content key, cache hit, estimated cost; then the total against the budget.</summary>
public static class PlanPrinter
{
    public static void Print(PlanPreviewResult local, TextWriter output)
    {
        var plan = local.Plan;
        var currency = plan.Order.Budget?.Currency ?? "USD";
        var rows = plan.Shots.Select(shot =>
        {
            if (shot.Own is { } own)
            {
                return [shot.Shot.Id, "own clip", Number(shot.Shot.Seconds), "", own.ContentKey[..12], "provided", Money(0, currency)];
            }

            var first = shot.Chain.Count > 0 ? shot.Chain[0] : null;
            var models = first is null ? "(no model can make it)" : first.Model + (shot.Chain.Count > 1 ? " → " + string.Join(" → ", shot.Chain.Skip(1).Select(a => a.Model)) : "");
            return new[]
            {
                shot.Shot.Id,
                models,
                first is null ? "" : Number(first.Request.Seconds),
                first?.Request.Size.ToString() ?? "",
                first?.ContentKey[..12] ?? "",
                first is not null && local.Cached.Contains(first.ContentKey) ? "cached" : "new",
                first is null ? "" : Money(first.EstimatedCost, currency),
            };
        }).ToList();
        string[] header = ["shot", "model (fallbacks)", "seconds", "size", "content key", "cache", "estimate"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Row(header, widths));
        foreach (var row in rows) output.WriteLine(Row(row, widths));

        output.WriteLine();
        var total = plan.EstimatedCost;
        var fromCache = plan.Shots.Count(s => s.Chain.Count > 0 && local.Cached.Contains(s.Chain[0].ContentKey));
        output.Write($"{plan.Shots.Count} shots ({fromCache} from the clip store), estimated cost {Money(total, currency)}");
        if (plan.Order.Budget is not { } budget)
        {
            output.WriteLine(" (no budget set)");
        }
        else if (local.IsOverBudget)
        {
            output.WriteLine($", OVER the budget of {Money(budget.Limit, currency)}: the film would be stopped before anything is submitted");
        }
        else
        {
            output.WriteLine($" of a {Money(budget.Limit, currency)} budget");
        }

        foreach (var note in plan.Notes) output.WriteLine($"note: {note}");
    }

    private static string Row(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    private static string Money(decimal amount, string currency) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
