using System.Globalization;
using CloudReel.Cli.Commands;
using CloudReel.Cli.Hosting;
using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;

namespace CloudReel.Cli.Batches;

/// <summary>`resume BATCH-ID` and `status [BATCH-ID]` for batches: found in the journal by their instance, like films.</summary>
public static class BatchLookup
{
    /// <summary>The batch with this id and its instance, or null when the id is no batch's.</summary>
    public static async Task<(BatchEntry Batch, InstanceInfo Instance)?> FindAsync(CliContext context, string id, CancellationToken cancellationToken)
    {
        if (!Core.Ports.StoreLayout.IsValidId(id)) return null;
        await using var journal = await FilmLookup.OpenJournalAsync(context, cancellationToken);
        return await journal.GetInstanceAsync(id, cancellationToken) is { } instance && BatchEntry.Of(instance) is { } batch ? (batch, instance) : null;
    }

    /// <summary>Carries an interrupted batch on, or tells how a finished one ended.</summary>
    public static async Task<int> ResumeAsync(CliContext context, BatchEntry batch, InstanceInfo instance, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        await stdout.WriteLineAsync($"batch: {batch.BatchId}");
        var session = new BatchSession(context, batch, stdout, stderr);
        if (!instance.IsTerminal) return await session.ResumeAsync(cancellationToken);
        await stdout.WriteLineAsync("This batch has already finished.");
        return session.PrintOutcome(instance);
    }

    /// <summary>One line per batch: its id, where it stands, when it started and its name.</summary>
    public static async Task ListAsync(LocalWorkflowEngine journal, TextWriter stdout, CancellationToken cancellationToken)
    {
        foreach (var batch in await BatchEntry.AllAsync(journal, cancellationToken))
        {
            var instance = await journal.GetInstanceAsync(batch.BatchId, cancellationToken);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{batch.BatchId,-40} {Describe(instance),-34} {batch.CreatedUtc:yyyy-MM-dd HH:mm}  batch: {batch.Name}"));
        }
    }

    /// <summary>The batch and each row: its key, film and where it stands.</summary>
    public static async Task PrintAsync(LocalWorkflowEngine journal, BatchEntry batch, TextWriter stdout, CancellationToken cancellationToken)
    {
        var instance = await journal.GetInstanceAsync(batch.BatchId, cancellationToken);
        await stdout.WriteLineAsync($"{batch.BatchId}: {Describe(instance)}");
        await stdout.WriteLineAsync($"  batch:   {batch.Name} ({batch.Source})");
        await stdout.WriteLineAsync($"  outputs: {batch.OutputFolder}");
        if (instance?.Failure is { } failure) await stdout.WriteLineAsync($"  error:   {failure.ErrorMessage}");
        var states = Progress(instance)?.RowStates ?? "";
        for (var i = 0; i < batch.Films.Count; i++)
        {
            var row = batch.Films[i];
            var state = i < states.Length ? BatchRowStates.Name(states[i]) : "waiting";
            await stdout.WriteLineAsync($"  row {row.Row,-5} {row.Key,-24} {state,-10} {row.Film.FilmId}");
        }
    }

    private static string Describe(InstanceInfo? instance) => instance is null
        ? "not started"
        : instance.Status.ToString().ToLowerInvariant() + (Progress(instance) is { } p ? $" ({p.Done + p.Failed}/{p.Total} rows, {p.Failed} failed)" : "");

    private static BatchProgress? Progress(InstanceInfo? instance)
    {
        try
        {
            return instance?.ReadCustomStatusAs<BatchProgress>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
