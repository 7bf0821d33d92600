namespace CloudReel.Core.Workflow;

/// <summary>The names orchestrations call activities and sub-orchestrations by, in every host.</summary>
public static class ActivityNames
{
    public const string ValidateOrder = nameof(ValidateOrder);
    public const string PlanFilm = nameof(PlanFilm);
    public const string WriteStoryboard = nameof(WriteStoryboard);
    public const string FindCachedClip = nameof(FindCachedClip);
    public const string SubmitShot = nameof(SubmitShot);
    public const string PollShot = nameof(PollShot);
    public const string DownloadClip = nameof(DownloadClip);
    public const string AssembleFilm = nameof(AssembleFilm);
    public const string EnqueueAssembly = nameof(EnqueueAssembly);
    public const string ReadAssemblyResult = nameof(ReadAssemblyResult);
    public const string WriteFilmReport = nameof(WriteFilmReport);
    public const string PublishFilmEvent = nameof(PublishFilmEvent);
    public const string ReserveBudget = nameof(ReserveBudget);
    public const string SettleBudget = nameof(SettleBudget);
    public const string AcquireModelSlot = nameof(AcquireModelSlot);
    public const string ReleaseModelSlot = nameof(ReleaseModelSlot);
}

/// <summary>The names of the orchestrations.</summary>
public static class OrchestrationNames
{
    public const string Film = "FilmOrchestration";
    public const string Shot = "ShotOrchestration";

    /// <summary>The instance id of one shot's orchestration within a film.</summary>
    public static string ShotInstanceId(string filmId, string shotId) => $"{filmId}.shot.{shotId}";
}
