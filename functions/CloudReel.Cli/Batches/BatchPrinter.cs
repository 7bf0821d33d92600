using System.Globalization;
using CloudReel.Core.Batches;

namespace CloudReel.Cli.Batches;

/// <summary>Prints a batch estimate: a line per row, the shots rows share (paid once), the total against the budget.</summary>
public static class BatchPrinter
{
    public static void Print(BatchEstimate estimate, decimal? budget, TextWriter output)
    {
        var currency = estimate.Currency;
        string[] header = ["row", "film", "shots", "from store", "shared", "estimate", "in batch"];
        var rows = estimate.Rows.Select(r => new[]
        {
            Whole(r.Row),
            r.Key,
            Whole(r.Shots),
            Whole(r.FromStore),
            Whole(r.SharedWithEarlier),
            Money(r.Cost, currency) + (r.OverOwnBudget ? " OVER its budget" : ""),
            Money(r.BatchCost, currency),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Row(header, widths));
        foreach (var row in rows) output.WriteLine(Row(row, widths));

        output.WriteLine();
        output.WriteLine($"{Whole(estimate.Rows.Count)} films, {Whole(estimate.Shots)} shots: {Whole(estimate.Shots - estimate.SharedShots - estimate.FromStore)} to generate, "
            + $"{Whole(estimate.FromStore)} from the clip store");
        output.WriteLine(estimate.SharedShots == 0
            ? "shared between rows: none"
            : $"shared between rows: {Whole(estimate.SharedShots)} shots are the same clip as an earlier row's ({Whole(estimate.SharedKeys)} distinct), "
                + $"made and paid once through the clip cache: saves {Money(estimate.Saved, currency)}");

        var total = $"batch total {Money(estimate.Total, currency)}";
        if (budget is not { } limit) output.WriteLine(total + " (no --budget set)");
        else if (estimate.IsOverBudget(limit)) output.WriteLine($"{total}, OVER the --budget of {Money(limit, currency)}: the batch would not be started");
        else output.WriteLine($"{total} of a {Money(limit, currency)} budget");

        var over = estimate.Rows.Count(r => r.OverOwnBudget);
        if (over > 0) output.WriteLine($"{Whole(over)} film(s) OVER their order's own budget would be stopped before anything is submitted");
    }

    private static string Row(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    private static string Money(decimal amount, string currency) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
}
