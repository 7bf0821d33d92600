using CloudReel.Core.Workflow.Activities;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// Every orchestrator and activity of the film workflow, and of batches of films. Each is called by its class name
/// (<c>nameof(ShotOrchestration)</c>, <c>nameof(SubmitShotActivity)</c>), as Durable Task names
/// class-based tasks; every host registers exactly these.
/// </summary>
public static class FilmWorkflow
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(FilmOrchestration), typeof(ShotOrchestration), typeof(BatchOrchestration)];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(ValidateOrderActivity),
        typeof(PlanFilmActivity),
        typeof(WriteStoryboardActivity),
        typeof(SpeakFilmActivity),
        typeof(SubmitShotActivity),
        typeof(PollShotActivity),
        typeof(LastFrameActivity),
        typeof(TakeOwnClipActivity),
        typeof(CheckClipActivity),
        typeof(AssembleFilmActivity),
        typeof(EnqueueAssemblyActivity),
        typeof(WriteFilmReportActivity),
        typeof(PublishFilmEventActivity),
        typeof(SettleBudgetActivity),
        typeof(ReleaseModelSlotActivity),
        typeof(WriteBatchReportActivity),
    ];

    /// <summary>Registers the workflow; activities come from the host's services, one instance per call.</summary>
    public static DurableTaskRegistry AddFilmWorkflow(this DurableTaskRegistry registry)
    {
        foreach (var orchestrator in Orchestrators) registry.AddOrchestrator(orchestrator);
        foreach (var activity in Activities) registry.AddActivity(activity);
        return registry;
    }
}
