using CloudReel.Cli.Hosting;
using CloudReel.Core.Batches;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Batches;

/// <summary>`cloudreel batch … --dry-run`: every row validated and planned, nothing submitted.</summary>
public static class BatchDryRun
{
    /// <returns>0; 2 when a row is invalid; 1 when the estimate is over --budget (or a film's over its own budget).</returns>
    public static async Task<int> RunAsync(CliContext context, BatchRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!context.TryParseStore(stderr, out var location)) return ExitCodes.InvalidInput;
        using var loggerFactory = context.CreateLoggerFactory();
        await using var services = EngineHost.BuildServices(
            context.Home, CliConfiguration.Build(context.Home), request.Output.FullName, loggerFactory, new Progress.ProgressRelay(), location);

        var expansion = await BatchInput.ExpandAsync(request, services.GetRequiredService<IBatchExpander>(), cancellationToken);
        if (!expansion.IsValid)
        {
            BatchInput.PrintErrors(expansion, stderr);
            return ExitCodes.InvalidInput;
        }

        var estimate = await services.GetRequiredService<BatchEstimator>().EstimateAsync(expansion.Rows, cancellationToken);
        if (estimate.Errors.Count > 0)
        {
            BatchInput.PrintErrors(new BatchExpansion([], estimate.Errors), stderr);
            return ExitCodes.InvalidInput;
        }

        await stdout.WriteLineAsync($"dry run of {request.Template.Name} × {request.Data.Name}: {estimate.Rows.Count} films, nothing is submitted");
        BatchPrinter.Print(estimate, request.Budget, stdout);
        return estimate.IsOverBudget(request.Budget) || estimate.Rows.Any(r => r.OverOwnBudget) ? ExitCodes.FilmFailed : ExitCodes.Success;
    }
}
