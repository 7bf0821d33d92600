using CloudReel.Core.Workflow.Activities;

namespace CloudReel.Core.Workflow;

/// <summary>
/// Every orchestration and activity of the film workflow, by the name it is called with. Each
/// host registers exactly these: the local engine, and the Azure Functions app.
/// </summary>
public static class FilmWorkflow
{
    public static IReadOnlyDictionary<string, Type> Orchestrations { get; } = new Dictionary<string, Type>
    {
        [OrchestrationNames.Film] = typeof(FilmOrchestration),
        [OrchestrationNames.Shot] = typeof(ShotOrchestration),
    };

    public static IReadOnlyDictionary<string, Type> Activities { get; } = new Dictionary<string, Type>
    {
        [ActivityNames.ValidateOrder] = typeof(ValidateOrderActivity),
        [ActivityNames.PlanFilm] = typeof(PlanFilmActivity),
        [ActivityNames.WriteStoryboard] = typeof(WriteStoryboardActivity),
        [ActivityNames.FindCachedClip] = typeof(FindCachedClipActivity),
        [ActivityNames.SubmitShot] = typeof(SubmitShotActivity),
        [ActivityNames.PollShot] = typeof(PollShotActivity),
        [ActivityNames.DownloadClip] = typeof(DownloadClipActivity),
        [ActivityNames.AssembleFilm] = typeof(AssembleFilmActivity),
        [ActivityNames.EnqueueAssembly] = typeof(EnqueueAssemblyActivity),
        [ActivityNames.ReadAssemblyResult] = typeof(ReadAssemblyResultActivity),
        [ActivityNames.WriteFilmReport] = typeof(WriteFilmReportActivity),
        [ActivityNames.PublishFilmEvent] = typeof(PublishFilmEventActivity),
        [ActivityNames.ReserveBudget] = typeof(ReserveBudgetActivity),
        [ActivityNames.SettleBudget] = typeof(SettleBudgetActivity),
        [ActivityNames.AcquireModelSlot] = typeof(AcquireModelSlotActivity),
        [ActivityNames.ReleaseModelSlot] = typeof(ReleaseModelSlotActivity),
    };
}
