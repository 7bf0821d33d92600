using System.Text.Json;
using CloudReel.Cli.Progress;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using CloudReel.Local.Engine;

namespace CloudReel.Cli.Hosting;

/// <summary>
/// Runs one film on the local engine with live progress, then prints where its outputs are and
/// what it cost. Shared by render, resume and approve.
/// </summary>
public sealed class FilmSession(CliContext context, FilmEntry film, TextWriter output, TextWriter errors)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>Carries the film on from the journal, on its own store and output folder, and watches it to the end. Returns the process exit code.</summary>
    public Task<int> ResumeAsync(CancellationToken cancellationToken) =>
        ProgressWatch.ResumeAsync(context, film.Store, film.OutputRoot, errors,
            (host, relay, store) => WatchAsync(host, relay, store, () => host.Engine.ResumeAsync(film.FilmId, cancellationToken), cancellationToken),
            cancellationToken);

    /// <summary>
    /// Starts the film on <paramref name="host"/> (<paramref name="start"/>) and watches it to the end with
    /// live progress; copies its outputs home from a remote store. Returns the process exit code.
    /// </summary>
    public async Task<int> WatchAsync(EngineHost host, ProgressRelay relay, StoreLocation? store, Func<Task> start, CancellationToken cancellationToken)
    {
        var finished = await ProgressWatch.WatchAsync(host.Engine, film.FilmId, relay, CreateView(), start,
            token => FilmSnapshot.ReadAsync(host.Engine, film.FilmId, token), PollInterval, cancellationToken);
        if (store is { Kind: not StoreKind.Folder })
        {
            var copied = await FilmOutputCopy.DownloadAsync(host.Store, film.FilmId, film.OutputFolder, cancellationToken);
            await output.WriteLineAsync($"Copied {copied} output file(s) of films/{film.FilmId}/ from {store} to {film.OutputFolder}");
        }

        return PrintOutcome(finished);
    }

    /// <summary>Prints how a finished film ended; the exit code says whether it succeeded.</summary>
    public int PrintOutcome(InstanceInfo instance)
    {
        var report = ReadReport();
        if (instance.Status == InstanceStatus.Completed)
        {
            var result = instance.ReadOutputAs<FilmResult>()!;
            output.WriteLine();
            output.WriteLine($"Film ready: {film.OutputFolder}");
            foreach (var file in result.Outputs.Where(f => f.EndsWith(".mp4", StringComparison.Ordinal)))
            {
                output.WriteLine($"  {Path.Combine(film.OutputFolder, file)}");
            }

            if (report is not null) PrintReportSummary(report);
            return ExitCodes.Success;
        }

        errors.WriteLine();
        errors.WriteLine($"Film {film.FilmId} {instance.Status.ToString().ToLowerInvariant()}: {FailureReason(instance)}");
        if (report is not null)
        {
            foreach (var shot in report.ShotDetails.Where(s => s.Error is not null))
            {
                errors.WriteLine($"  shot {shot.Id}: {shot.Error}");
            }

            foreach (var error in report.OrderErrors)
            {
                errors.WriteLine($"  {error}");
            }
        }

        errors.WriteLine("Every clip already made is kept in the clip store: rendering the order again reuses them.");
        return ExitCodes.FilmFailed;
    }

    private void PrintReportSummary(FilmReport report)
    {
        var shots = report.Shots;
        output.WriteLine(
            $"  {report.FilmSeconds:0.00} s, {shots.Planned} shots: {shots.Generated} generated, {shots.FromCache} from cache, "
            + (shots.Provided > 0 ? $"{shots.Provided} own clip(s), " : "")
            + $"{shots.Retried} retried, {shots.FallenBack} fallen back; cost {report.Cost.Actual:0.00} {report.Cost.Currency} "
            + $"(estimated {report.Cost.Estimated:0.00})");
        if (report.Quality is { } quality) PrintQuality(report, quality);
        if (report.Assembly is { } assembly) PrintAssembly(assembly);
        output.WriteLine($"  report: {Path.Combine(film.OutputFolder, WriteFilmReportActivity.ReportFileName)}");
    }

    /// <summary>What the quality checks found, and every take of a shot that had to be retaken, with its cost.</summary>
    private void PrintQuality(FilmReport report, QualitySummary quality)
    {
        var failed = quality.FailedChecks.Count == 0 ? "" : " (" + string.Join(", ", quality.FailedChecks.Select(f => $"{f.Key} {f.Value}")) + ")";
        output.WriteLine(
            $"  checks: {quality.ClipsChecked} clip(s) checked ({quality.VerdictsRecorded} by their recorded verdict), {quality.TakesFailed} take(s) failed{failed}, "
            + $"{report.Shots.Retaken} shot(s) retaken; checking cost {quality.Cost:0.00} {report.Cost.Currency}");
        foreach (var shot in report.ShotDetails.Where(s => s.Attempts.Any(a => a.Result == AttemptResult.FailedChecks)))
        {
            foreach (var attempt in shot.Attempts)
            {
                var what = attempt.Result == AttemptResult.FailedChecks ? $"failed: {attempt.Message}" : attempt.Result.ToString().ToLowerInvariant();
                output.WriteLine($"    shot {shot.Id}, {attempt.Model} take {attempt.Take + 1} (seed {attempt.Seed}): {what}; cost {attempt.Cost + attempt.ChecksCost:0.00} {report.Cost.Currency}");
            }
        }
    }

    /// <summary>Whether the film is a draft, and what assembly reused from earlier films.</summary>
    private void PrintAssembly(AssemblyReport assembly)
    {
        if (assembly.Draft) output.WriteLine("  a draft preview: render the order without --draft for the finished films (its clips are made already)");
        foreach (var line in ReuseLines.Of(assembly.Renditions, assembly.SoundReused)) output.WriteLine($"  {line}");
    }

    private FilmReport? ReadReport()
    {
        var path = Path.Combine(film.OutputFolder, WriteFilmReportActivity.ReportFileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<FilmReport>(File.ReadAllText(path), WorkflowJson.Options) : null;
    }

    private static string FailureReason(InstanceInfo instance)
    {
        var message = instance.Failure?.ErrorMessage ?? "no reason recorded";
        var prefix = "Film " + instance.InstanceId + " failed: ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    private IProgressView CreateView() => context.Plain ? new LineProgressView(output) : new LiveProgressView();
}
