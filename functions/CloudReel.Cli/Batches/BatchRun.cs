using CloudReel.Cli.Hosting;

namespace CloudReel.Cli.Batches;

/// <summary>Runs a batch for real: every row's film, a cap on films at once, the budget admitted up front.</summary>
public static class BatchRun
{
    /// <summary>
    /// Not built yet: the batch runner (BatchOrchestration, resume, batch reports) replaces this method.
    /// Until then it says so and does nothing.
    /// </summary>
    public static async Task<int> RunBatchAsync(CliContext context, BatchRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        await stderr.WriteLineAsync(
            $"cloudreel batch: running a batch is not available yet; check and cost {request.Template.Name} × {request.Data.Name} with --dry-run. Nothing was submitted.");
        return ExitCodes.Environment;
    }
}
