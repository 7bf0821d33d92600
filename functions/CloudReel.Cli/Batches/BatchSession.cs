using System.Globalization;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Progress;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using CloudReel.Local.Engine;

namespace CloudReel.Cli.Batches;

/// <summary>
/// Runs one batch on the local engine with its progress view, then puts its outputs in place (one
/// folder per row key) and prints how every row ended. Shared by `batch` and `resume`.
/// </summary>
public sealed class BatchSession(CliContext context, BatchEntry batch, TextWriter output, TextWriter errors, bool detail = false)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Carries the batch on from the journal (finished films untouched, running ones from where they stopped) and watches it to the end.</summary>
    public Task<int> ResumeAsync(CancellationToken cancellationToken) =>
        ProgressWatch.ResumeAsync(context, batch.Store, batch.OutputRoot, errors,
            (host, relay, store) => WatchAsync(host, relay, store, () => host.Engine.ResumeAsync(batch.BatchId, cancellationToken), cancellationToken),
            cancellationToken);

    /// <summary>Starts (or resumes) the batch with <paramref name="start"/> and watches it to the end; returns the process exit code.</summary>
    public async Task<int> WatchAsync(EngineHost host, ProgressRelay relay, StoreLocation? store, Func<Task> start, CancellationToken cancellationToken)
    {
        var finished = await ProgressWatch.WatchAsync(host.Engine, batch.BatchId, relay, CreateView(), start,
            token => BatchSnapshot.ReadAsync(host.Engine, batch, detail, token), PollInterval, cancellationToken);
        if (finished.Status == InstanceStatus.Completed)
        {
            var report = await ReadReportAsync(host, cancellationToken);
            var completed = report?.Rows.Where(r => r.Status == "completed").Select(r => r.Row).ToHashSet() ?? [];
            await BatchOutputs.PlaceAsync(host.Store, store, batch, batch.Films.Where(f => completed.Contains(f.Row)), cancellationToken);
        }

        return PrintOutcome(finished);
    }

    /// <summary>Prints how a finished batch ended, row by failed row; exit code 0 only when every row completed.</summary>
    public int PrintOutcome(InstanceInfo instance)
    {
        var report = ReadLocalReport();
        if (instance.Status != InstanceStatus.Completed || report is null)
        {
            errors.WriteLine($"Batch {batch.BatchId} {instance.Status.ToString().ToLowerInvariant()}: {instance.Failure?.ErrorMessage ?? "no report was written"}");
            errors.WriteLine("Every clip already made is kept in the clip store: `cloudreel resume " + batch.BatchId + "` carries on, making none of them again.");
            return ExitCodes.FilmFailed;
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Batch {batch.BatchId}: {report.Completed} of {report.Rows.Count} row(s) completed, {report.Failed} failed; cost {report.Cost:0.00} {report.Currency}"));
        output.WriteLine($"  outputs: {batch.OutputFolder} (one folder per row key)");
        output.WriteLine($"  report:  {Path.Combine(batch.OutputFolder, WriteBatchReportActivity.JsonFileName)}, {WriteBatchReportActivity.CsvFileName}");
        foreach (var row in report.Rows.Where(r => r.Status != "completed"))
        {
            errors.WriteLine($"  row {row.Row} {row.Key} ({row.FilmId}) {row.Status}: {row.Error}");
        }

        return report.Failed == 0 ? ExitCodes.Success : ExitCodes.FilmFailed;
    }

    private async Task<BatchReport?> ReadReportAsync(EngineHost host, CancellationToken cancellationToken)
    {
        var name = Core.Ports.StoreLayout.BatchOutput(batch.BatchId, WriteBatchReportActivity.JsonFileName);
        return await host.Store.ExistsAsync(name, cancellationToken) ? WorkflowJson.Deserialize<BatchReport>(await Core.Ports.ClipStoreExtensions.ReadTextAsync(host.Store, name, cancellationToken)) : null;
    }

    private BatchReport? ReadLocalReport()
    {
        var path = Path.Combine(batch.OutputFolder, WriteBatchReportActivity.JsonFileName);
        return File.Exists(path) ? WorkflowJson.Deserialize<BatchReport>(File.ReadAllText(path)) : null;
    }

    private IBatchProgressView CreateView() => context.Plain ? new LineBatchProgressView(output, detail) : new LiveBatchProgressView(detail);
}
