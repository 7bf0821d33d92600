using System.Globalization;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Progress;
using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Local.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Batches;

/// <summary>What a real `cloudreel batch` run was asked: the batch's name and origin, what identifies it, where outputs go, the caps and the budget.</summary>
/// <param name="Name">The batch's name (the template's title).</param>
/// <param name="Source">Where it came from, for people ("food.yaml + cities.csv").</param>
/// <param name="Identity">What makes it this batch (the template's and the data's text): the same identity is the same batch.</param>
/// <param name="Output">The -o folder.</param>
/// <param name="FilmsAtOnce">Films running at once.</param>
/// <param name="Budget">The batch's budget; null: only each row's own order budget.</param>
public sealed record BatchRunSettings(string Name, string Source, IReadOnlyList<string> Identity, DirectoryInfo Output, int FilmsAtOnce, decimal? Budget)
{
    public bool Draft { get; init; }

    /// <summary>Show each running film's shots in the progress view.</summary>
    public bool Detail { get; init; }
}

/// <summary>
/// The real run of `cloudreel batch`: the rows go through the one batch intake (all or nothing, within
/// the budget), ONE batch orchestration runs their films on the local engine, and the batch progress
/// view follows it to the end. The same template and data are the same batch: running it again after
/// an interruption carries it on, and after it finished shows how it ended.
/// </summary>
public sealed class BatchRunner(CliContext context, TextWriter stdout, TextWriter stderr)
{
    /// <param name="run">The batch's settings.</param>
    /// <param name="expand">Makes the template and data into one order per row, with the run's services (the expander among them).</param>
    /// <param name="cancellationToken">Cancels the run (the batch stays resumable).</param>
    public async Task<int> RunAsync(BatchRunSettings run, Func<IServiceProvider, CancellationToken, Task<BatchExpansion>> expand, CancellationToken cancellationToken)
    {
        context.Home.EnsureCreated();
        if (!context.TryParseStore(stderr, out var location)) return ExitCodes.InvalidInput;

        using var loggerFactory = context.CreateLoggerFactory();
        var relay = new ProgressRelay();
        await using var host = await EngineHost.StartAsync(context.Home, run.Output.FullName, loggerFactory, relay, cancellationToken, location);
        var batchId = BatchIds.Derived(run.Name, [.. run.Identity]);
        await stdout.WriteLineAsync($"batch: {batchId}");

        if (await host.Engine.GetInstanceAsync(batchId, cancellationToken) is { } existing && BatchEntry.Of(existing) is { } known)
        {
            var session = new BatchSession(context, known, stdout, stderr, run.Detail);
            if (existing.IsTerminal)
            {
                await stdout.WriteLineAsync("This batch (the same template and data) has already finished.");
                return session.PrintOutcome(existing);
            }

            await stdout.WriteLineAsync("This batch was interrupted: carrying it on; finished films are kept and no shot is made again.");
            return await session.WatchAsync(host, relay, location, () => host.Engine.ResumeAsync(batchId, cancellationToken), cancellationToken);
        }

        var expansion = await expand(host.Services, cancellationToken);
        if (!expansion.IsValid)
        {
            BatchInput.PrintErrors(expansion, stderr);
            return ExitCodes.InvalidInput;
        }

        var intake = ActivatorUtilities.CreateInstance<BatchIntake>(host.Services);
        var submission = new BatchSubmission(batchId, run.Name, run.Source, expansion.Rows, run.FilmsAtOnce, run.Budget) { Draft = run.Draft };
        BatchAdmission admission;
        try
        {
            admission = await intake.SubmitAsync(new LocalFilmRuntime(host.Engine), submission, cancellationToken);
        }
        catch (Exception notStaged) when (notStaged is OrderStagingException or OrderFileRefusedException)
        {
            await stderr.WriteLineAsync(notStaged.Message);
            return ExitCodes.InvalidInput;
        }

        if (admission.Estimate is { } estimate) await stdout.WriteLineAsync(Describe(estimate, run.Budget));
        if (!admission.Accepted)
        {
            foreach (var error in OrderLimits.Shown(admission.Errors)) await stderr.WriteLineAsync(error.ToString());
            if (admission.Errors.Count > OrderLimits.ErrorsShown) await stderr.WriteLineAsync($"… and {admission.Errors.Count - OrderLimits.ErrorsShown} more error(s) not listed.");
            await stderr.WriteLineAsync($"The batch was not admitted: {admission.Reason}.");
            return admission.Errors.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.FilmFailed;
        }

        var entry = BatchEntry.Of((await host.Engine.GetInstanceAsync(batchId, cancellationToken))!)!;
        await stdout.WriteLineAsync($"outputs: {entry.OutputFolder}");
        return await new BatchSession(context, entry, stdout, stderr, run.Detail).WatchAsync(host, relay, location, () => Task.CompletedTask, cancellationToken);
    }

    private static string Describe(BatchEstimate estimate, decimal? budget)
    {
        var against = budget is { } limit ? string.Create(CultureInfo.InvariantCulture, $" against a budget of {limit:0.00} {estimate.Currency}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"estimate: {estimate.Rows.Count} film(s), {estimate.Shots} shot(s), {estimate.SharedShots} shared between rows (made once), {estimate.Total:0.00} {estimate.Currency}{against}");
    }
}
