using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;

namespace CloudReel.Cli.Batches;

/// <summary>A batch on this machine as the journal keeps it: its label and its rows' films are its instance's input.</summary>
public sealed record BatchEntry(string BatchId, string Name, string Source, string OutputRoot, string? Store, DateTime CreatedUtc, IReadOnlyList<BatchFilm> Films)
{
    /// <summary>Where the batch's report goes, and where each row's outputs are found by its key.</summary>
    public string OutputFolder => Path.Combine(OutputRoot, BatchId);

    /// <summary>The batch of a journal instance; null when the instance is not a batch.</summary>
    public static BatchEntry? Of(InstanceInfo instance)
    {
        if (instance.Name != nameof(BatchOrchestration)) return null;
        var request = instance.ReadInputAs<Core.Workflow.BatchRequest>();
        var label = request?.Label;
        return new BatchEntry(
            instance.InstanceId,
            label?.Name ?? instance.InstanceId,
            label?.Source ?? "(not recorded)",
            label?.OutputRoot ?? Path.GetFullPath("out"),
            label?.Store,
            instance.CreatedUtc,
            request?.Films ?? []);
    }

    /// <summary>Every batch in the journal, oldest first.</summary>
    public static async Task<IReadOnlyList<BatchEntry>> AllAsync(LocalWorkflowEngine journal, CancellationToken cancellationToken) =>
        (await journal.ListInstancesAsync(cancellationToken: cancellationToken))
            .Where(i => i.Name == nameof(BatchOrchestration))
            .Select(Of)
            .OfType<BatchEntry>()
            .OrderBy(b => b.CreatedUtc)
            .ToList();
}
