using System.Globalization;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CsvHelper;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Writes batch-report.json and batch-report.csv beside the batch's films (films/&lt;batch-id&gt;/). A
/// failed row's cost is what its film's own report says it spent (a film can fail after paying for
/// shots); outputs are named under the films root, &lt;film-id&gt;/&lt;file&gt;.
/// </summary>
public sealed class WriteBatchReportActivity(IClipStore store, IHostApplicationLifetime host) : TaskActivity<BatchReportRequest, BatchReportFiles>
{
    public const string JsonFileName = "batch-report.json";
    public const string CsvFileName = "batch-report.csv";

    public override async Task<BatchReportFiles> RunAsync(TaskActivityContext context, BatchReportRequest request)
    {
        var cancellation = host.ApplicationStopping;
        var rows = new List<BatchRowResult>(request.Rows.Count);
        foreach (var row in request.Rows)
        {
            var cost = row.Status == "failed" ? await SpentByAsync(row.FilmId, cancellation) : row.Cost;
            rows.Add(row with { Cost = cost, Outputs = row.Outputs.Select(file => $"{row.FilmId}/{file}").ToList() });
        }

        var report = new BatchReport(
            request.BatchId,
            request.Name,
            request.StartedUtc,
            request.FinishedUtc,
            rows.Count(r => r.Status == "completed"),
            rows.Count(r => r.Status == "failed"),
            rows.Sum(r => r.Cost),
            request.Currency,
            rows);
        await store.PutTextAsync(
            StoreLayout.BatchOutput(request.BatchId, JsonFileName), System.Text.Json.JsonSerializer.Serialize(report, WorkflowJson.Indented), ContentTypes.Of(JsonFileName), overwrite: true, cancellation);
        await store.PutTextAsync(StoreLayout.BatchOutput(request.BatchId, CsvFileName), Csv(report), ContentTypes.Of(CsvFileName), overwrite: true, cancellation);
        return new BatchReportFiles([JsonFileName, CsvFileName], report.Cost);
    }

    /// <summary>What a failed film's report says it spent; 0 when it failed before writing one.</summary>
    private async Task<decimal> SpentByAsync(string filmId, CancellationToken cancellation)
    {
        var name = StoreLayout.FilmOutput(filmId, WriteFilmReportActivity.ReportFileName);
        if (!await store.ExistsAsync(name, cancellation)) return 0;
        return WorkflowJson.Deserialize<FilmReport>(await store.ReadTextAsync(name, cancellation))?.Cost.Actual ?? 0;
    }

    /// <summary>One line per row (RFC 4180, UTF-8 with a BOM so spreadsheet programs read Chinese keys right); outputs joined by spaces.</summary>
    private static string Csv(BatchReport report)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "row", "key", "film_id", "status", "outputs", "cost", "currency", "error" }) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in report.Rows)
            {
                csv.WriteField(row.Row);
                csv.WriteField(row.Key);
                csv.WriteField(row.FilmId);
                csv.WriteField(row.Status);
                csv.WriteField(string.Join(' ', row.Outputs));
                csv.WriteField(row.Cost.ToString("0.00##", CultureInfo.InvariantCulture));
                csv.WriteField(report.Currency);
                csv.WriteField(row.Error ?? "");
                csv.NextRecord();
            }
        }

        return "\uFEFF" + text;
    }
}
