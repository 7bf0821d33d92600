using CloudReel.Core.Events;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using Microsoft.Azure.Functions.Worker;

namespace CloudReel.Functions.Workflow;

/// <summary>
/// Every activity of <see cref="FilmWorkflow.Activities"/>, one function each, named as the
/// orchestrations call them; the work is the same activity class the local engine runs.
/// </summary>
public static class ActivityFunctions
{
    [Function(ActivityNames.ValidateOrder)]
    public static Task<ValidatedOrder> ValidateOrder([ActivityTrigger] FilmRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<ValidateOrderActivity, FilmRequest, ValidatedOrder>(ActivityNames.ValidateOrder, input, function);

    [Function(ActivityNames.PlanFilm)]
    public static Task<PlannedFilm> PlanFilm([ActivityTrigger] PlanRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<PlanFilmActivity, PlanRequest, PlannedFilm>(ActivityNames.PlanFilm, input, function);

    [Function(ActivityNames.WriteStoryboard)]
    public static Task<string> WriteStoryboard([ActivityTrigger] StoryboardRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<WriteStoryboardActivity, StoryboardRequest, string>(ActivityNames.WriteStoryboard, input, function);

    [Function(ActivityNames.FindCachedClip)]
    public static Task<ClipRecord?> FindCachedClip([ActivityTrigger] string input, FunctionContext function) =>
        ActivityRunner.RunAsync<FindCachedClipActivity, string, ClipRecord?>(ActivityNames.FindCachedClip, input, function);

    [Function(ActivityNames.SubmitShot)]
    public static Task<JobStatus> SubmitShot([ActivityTrigger] ShotJob input, FunctionContext function) =>
        ActivityRunner.RunAsync<SubmitShotActivity, ShotJob, JobStatus>(ActivityNames.SubmitShot, input, function);

    [Function(ActivityNames.PollShot)]
    public static Task<JobStatus> PollShot([ActivityTrigger] JobQuery input, FunctionContext function) =>
        ActivityRunner.RunAsync<PollShotActivity, JobQuery, JobStatus>(ActivityNames.PollShot, input, function);

    [Function(ActivityNames.DownloadClip)]
    public static Task<ClipRecord> DownloadClip([ActivityTrigger] ClipDownload input, FunctionContext function) =>
        ActivityRunner.RunAsync<DownloadClipActivity, ClipDownload, ClipRecord>(ActivityNames.DownloadClip, input, function);

    [Function(ActivityNames.AssembleFilm)]
    public static Task<AssemblyResult> AssembleFilm([ActivityTrigger] AssemblyJob input, FunctionContext function) =>
        ActivityRunner.RunAsync<AssembleFilmActivity, AssemblyJob, AssemblyResult>(ActivityNames.AssembleFilm, input, function);

    [Function(ActivityNames.EnqueueAssembly)]
    public static Task<AssemblyJobMessage> EnqueueAssembly([ActivityTrigger] AssemblyJob input, FunctionContext function) =>
        ActivityRunner.RunAsync<EnqueueAssemblyActivity, AssemblyJob, AssemblyJobMessage>(ActivityNames.EnqueueAssembly, input, function);

    [Function(ActivityNames.ReadAssemblyResult)]
    public static Task<AssemblyResult> ReadAssemblyResult([ActivityTrigger] string input, FunctionContext function) =>
        ActivityRunner.RunAsync<ReadAssemblyResultActivity, string, AssemblyResult>(ActivityNames.ReadAssemblyResult, input, function);

    [Function(ActivityNames.WriteFilmReport)]
    public static Task<IReadOnlyList<string>> WriteFilmReport([ActivityTrigger] FilmReport input, FunctionContext function) =>
        ActivityRunner.RunAsync<WriteFilmReportActivity, FilmReport, IReadOnlyList<string>>(ActivityNames.WriteFilmReport, input, function);

    [Function(ActivityNames.PublishFilmEvent)]
    public static Task<EventDelivery> PublishFilmEvent([ActivityTrigger] FilmEvent input, FunctionContext function) =>
        ActivityRunner.RunAsync<PublishFilmEventActivity, FilmEvent, EventDelivery>(ActivityNames.PublishFilmEvent, input, function);

    [Function(ActivityNames.ReserveBudget)]
    public static Task<BudgetDecision> ReserveBudget([ActivityTrigger] BudgetReservation input, FunctionContext function) =>
        ActivityRunner.RunAsync<ReserveBudgetActivity, BudgetReservation, BudgetDecision>(ActivityNames.ReserveBudget, input, function);

    [Function(ActivityNames.SettleBudget)]
    public static Task<bool> SettleBudget([ActivityTrigger] BudgetSettlement input, FunctionContext function) =>
        ActivityRunner.RunAsync<SettleBudgetActivity, BudgetSettlement, bool>(ActivityNames.SettleBudget, input, function);

    [Function(ActivityNames.AcquireModelSlot)]
    public static Task<bool> AcquireModelSlot([ActivityTrigger] ModelSlotRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<AcquireModelSlotActivity, ModelSlotRequest, bool>(ActivityNames.AcquireModelSlot, input, function);

    [Function(ActivityNames.ReleaseModelSlot)]
    public static Task<bool> ReleaseModelSlot([ActivityTrigger] ModelSlotRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<ReleaseModelSlotActivity, ModelSlotRequest, bool>(ActivityNames.ReleaseModelSlot, input, function);
}
