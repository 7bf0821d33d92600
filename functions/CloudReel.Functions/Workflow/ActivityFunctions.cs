using CloudReel.Core.Events;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Quality;
using CloudReel.Core.Reports;
using CloudReel.Core.Speech;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Functions.Workflow;

/// <summary>
/// Every activity of <see cref="FilmWorkflow.Activities"/>, one function each under its class name: the
/// activity class from the container (one per call, as the local engine creates them) runs the work.
/// </summary>
public static class ActivityFunctions
{
    [Function(nameof(ValidateOrderActivity))]
    public static Task<ValidatedOrder> ValidateOrder([ActivityTrigger] FilmRequest input, FunctionContext function) => Run<ValidateOrderActivity, FilmRequest, ValidatedOrder>(input, function);

    [Function(nameof(PlanFilmActivity))]
    public static Task<PlannedFilm> PlanFilm([ActivityTrigger] PlanRequest input, FunctionContext function) => Run<PlanFilmActivity, PlanRequest, PlannedFilm>(input, function);

    [Function(nameof(WriteStoryboardActivity))]
    public static Task<string> WriteStoryboard([ActivityTrigger] StoryboardRequest input, FunctionContext function) =>
        Run<WriteStoryboardActivity, StoryboardRequest, string>(input, function);

    [Function(nameof(SpeakFilmActivity))]
    public static Task<SpokenFilm> SpeakFilm([ActivityTrigger] SpeechJob input, FunctionContext function) => Run<SpeakFilmActivity, SpeechJob, SpokenFilm>(input, function);

    [Function(nameof(SubmitShotActivity))]
    public static Task<ShotSubmission> SubmitShot([ActivityTrigger] ShotJob input, FunctionContext function) => Run<SubmitShotActivity, ShotJob, ShotSubmission>(input, function);

    [Function(nameof(PollShotActivity))]
    public static Task<JobProgress> PollShot([ActivityTrigger] JobQuery input, FunctionContext function) => Run<PollShotActivity, JobQuery, JobProgress>(input, function);

    [Function(nameof(LastFrameActivity))]
    public static Task<ReferenceImage> LastFrame([ActivityTrigger] PreviousClip input, FunctionContext function) => Run<LastFrameActivity, PreviousClip, ReferenceImage>(input, function);

    [Function(nameof(TakeOwnClipActivity))]
    public static Task<ClipRecord> TakeOwnClip([ActivityTrigger] OwnClipJob input, FunctionContext function) => Run<TakeOwnClipActivity, OwnClipJob, ClipRecord>(input, function);

    [Function(nameof(CheckClipActivity))]
    public static Task<ClipQualityReport> CheckClip([ActivityTrigger] ClipCheckRequest input, FunctionContext function) =>
        Run<CheckClipActivity, ClipCheckRequest, ClipQualityReport>(input, function);

    [Function(nameof(AssembleFilmActivity))]
    public static Task<AssemblyResult> AssembleFilm([ActivityTrigger] AssemblyJob input, FunctionContext function) =>
        Run<AssembleFilmActivity, AssemblyJob, AssemblyResult>(input, function);

    [Function(nameof(EnqueueAssemblyActivity))]
    public static Task<AssemblyJobMessage> EnqueueAssembly([ActivityTrigger] AssemblyJob input, FunctionContext function) =>
        Run<EnqueueAssemblyActivity, AssemblyJob, AssemblyJobMessage>(input, function);

    [Function(nameof(WriteFilmReportActivity))]
    public static Task<IReadOnlyList<string>> WriteFilmReport([ActivityTrigger] FilmReport input, FunctionContext function) =>
        Run<WriteFilmReportActivity, FilmReport, IReadOnlyList<string>>(input, function);

    [Function(nameof(PublishFilmEventActivity))]
    public static Task<EventDelivery> PublishFilmEvent([ActivityTrigger] FilmEvent input, FunctionContext function) =>
        Run<PublishFilmEventActivity, FilmEvent, EventDelivery>(input, function);

    [Function(nameof(SettleBudgetActivity))]
    public static Task<bool> SettleBudget([ActivityTrigger] BudgetSettlement input, FunctionContext function) => Run<SettleBudgetActivity, BudgetSettlement, bool>(input, function);

    [Function(nameof(ReleaseModelSlotActivity))]
    public static Task<bool> ReleaseModelSlot([ActivityTrigger] ModelSlotRequest input, FunctionContext function) =>
        Run<ReleaseModelSlotActivity, ModelSlotRequest, bool>(input, function);

    [Function(nameof(WriteBatchReportActivity))]
    public static Task<BatchReportFiles> WriteBatchReport([ActivityTrigger] BatchReportRequest input, FunctionContext function) =>
        Run<WriteBatchReportActivity, BatchReportRequest, BatchReportFiles>(input, function);

    /// <summary>The activity class from this invocation's services, told its name and the instance that called it.</summary>
    private static Task<TOutput> Run<TActivity, TInput, TOutput>(TInput input, FunctionContext function)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        var instanceId = function.BindingContext.BindingData.TryGetValue("instanceId", out var id) && id is not null ? id.ToString()! : function.InvocationId;
        return function.InstanceServices.GetRequiredService<TActivity>().RunAsync(new ActivityCallContext(typeof(TActivity).Name, instanceId), input);
    }
}
