using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Speech;
using CloudReel.Core.Timeline;
using CloudReel.Core.Workflow.Activities;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// A whole film: validate the staged order, plan it, wait for approval if the order asks, make
/// every shot (one sub-orchestration each, capped per model), assemble, and write the outputs.
/// A film that fails writes its report all the same and keeps every clip it made.
/// </summary>
public sealed class FilmOrchestration : TaskOrchestrator<FilmRequest, FilmResult>
{
    /// <summary>Retries for activities that only read and write the store.</summary>
    public static readonly RetryPolicy StoreRetry = new(
        maxNumberOfAttempts: 3,
        firstRetryInterval: TimeSpan.FromSeconds(2),
        backoffCoefficient: 2.0)
    {
        HandleFailure = failure => !failure.CausedBy<InvalidOrderException>(),
    };

    public override async Task<FilmResult> RunAsync(TaskOrchestrationContext context, FilmRequest request)
    {
        var run = new FilmRun(context, request.FilmId, request.SendsEvents);

        run.Begin(FilmStages.Validate);
        var validated = await context.CallActivityAsync<ValidatedOrder>(nameof(ValidateOrderActivity), request, new TaskOptions(StoreRetry));
        if (validated.Order is null || validated.Errors.Count > 0)
        {
            run.OrderErrors = validated.Errors;
            await FailAsync(context, run, $"the order has {validated.Errors.Count} error(s): {string.Join("; ", validated.Errors.Take(3))}");
        }

        run.Begin(FilmStages.Plan);
        var plan = await context.CallActivityAsync<PlannedFilm>(nameof(PlanFilmActivity), new PlanRequest(request.FilmId, validated.Order!), new TaskOptions(StoreRetry));
        run.Plan = plan;
        await context.CallActivityAsync<string>(nameof(WriteStoryboardActivity), new StoryboardRequest(request.FilmId, plan), new TaskOptions(StoreRetry));
        run.Events.StoryboardReady(plan, StoreLayout.FilmOutput(request.FilmId, WriteStoryboardActivity.FileName));
        if (plan.Order.Budget is { } budget && plan.EstimatedCost > budget.Limit)
        {
            await FailAsync(context, run, $"the estimated cost {plan.EstimatedCost:0.00} {budget.Currency} is over the budget of {budget.Limit:0.00} {budget.Currency}; nothing was submitted");
        }

        if (plan.Order.Approval.Required) await AwaitApprovalAsync(context, run, plan.Order.Approval.TimeoutHours);

        if (plan.Order.Shots.Any(s => s.Speaks))
        {
            run.Begin(FilmStages.Speak);
            run.Speech = await context.CallActivityAsync<SpokenFilm>(nameof(SpeakFilmActivity), new SpeechJob(request.FilmId, plan.Order), new TaskOptions(StoreRetry));
            if (plan.Order.Shots.Any(s => s.AutoSeconds))
            {
                // 'seconds: auto' was planned from the estimate; the measured speech decides the clips' lengths.
                plan = await context.CallActivityAsync<PlannedFilm>(nameof(PlanFilmActivity), new PlanRequest(request.FilmId, plan.Order) { Speech = run.Speech }, new TaskOptions(StoreRetry));
                run.Plan = plan;
                if (plan.Order.Budget is { } spokenBudget && plan.EstimatedCost > spokenBudget.Limit)
                {
                    await FailAsync(context, run, $"with its shots as long as their speech, the estimated cost {plan.EstimatedCost:0.00} {spokenBudget.Currency} is over the budget of {spokenBudget.Limit:0.00} {spokenBudget.Currency}; nothing was submitted");
                }
            }
        }

        run.Begin(FilmStages.Generate);
        run.Outcomes = await ShotFanOut.RunAsync(context, request.FilmId, plan, run.ReportProgress, run.Events.ShotFinished);
        var failed = run.Outcomes.Where(o => !o.Succeeded).ToList();
        if (failed.Count > 0)
        {
            await FailAsync(context, run, $"{failed.Count} of {plan.Shots.Count} shot(s) failed: " + string.Join("; ", failed.Select(f => $"{f.ShotId}: {f.FailureSummary}")));
        }

        run.Begin(FilmStages.Assemble);
        var job = new AssemblyJob(request.FilmId, TimelineBuilder.Build(request.FilmId, plan, run.Outcomes, run.Speech) with { Draft = request.Draft });
        run.Assembly = request.QueuedAssembly is { } queued
            ? await AssembleInContainerAsync(context, run, job, queued.Timeout)
            : await context.CallActivityAsync<AssemblyResult>(nameof(AssembleFilmActivity), job);

        run.Begin(FilmStages.Outputs);
        var report = run.BuildReport(FilmStages.Completed, error: null);
        var written = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(WriteFilmReportActivity), report, new TaskOptions(StoreRetry));
        run.Events.FilmCompleted(plan.Order.Title, run.Assembly, [.. run.Assembly.Files, .. written], report.Cost.Actual, report.Cost.Currency);
        await run.Events.FlushAsync();
        run.Begin(FilmStages.Completed);
        return new FilmResult(request.FilmId, StoreLayout.FilmFolder(request.FilmId), [.. run.Assembly.Files, .. written], report.Cost.Actual, report.Cost.Currency);
    }

    private static async Task AwaitApprovalAsync(TaskOrchestrationContext context, FilmRun run, double timeoutHours)
    {
        run.Begin(FilmStages.Approval, "waiting for the storyboard to be approved");
        ApprovalDecision decision;
        try
        {
            decision = await context.WaitForExternalEvent<ApprovalDecision>(FilmEvents.StoryboardApproved, TimeSpan.FromHours(timeoutHours));
        }
        catch (TaskCanceledException)
        {
            await FailAsync(context, run, $"the storyboard was not approved within {timeoutHours:0.#} hours; nothing was submitted");
            return;
        }

        if (!decision.Approved)
        {
            await FailAsync(context, run, $"the storyboard was rejected{(decision.By is null ? "" : $" by {decision.By}")}{(decision.Comment is null ? "" : $": {decision.Comment}")}");
        }
    }

    /// <summary>
    /// Queues the job for the assembler container and waits for it to report, on a durable timer: a job
    /// that never comes back fails the film with the reason, and every clip stays in the store.
    /// </summary>
    private static async Task<AssemblyResult> AssembleInContainerAsync(TaskOrchestrationContext context, FilmRun run, AssemblyJob job, TimeSpan timeout)
    {
        var message = await context.CallActivityAsync<AssemblyJobMessage>(nameof(EnqueueAssemblyActivity), job, new TaskOptions(StoreRetry));
        run.Begin(FilmStages.Assemble, "queued for the assembler");
        AssemblyCompletion completion;
        try
        {
            completion = await context.WaitForExternalEvent<AssemblyCompletion>(FilmEvents.AssemblyCompleted, timeout);
        }
        catch (TaskCanceledException)
        {
            await FailAsync(context, run, $"the assembler did not report within {Describe(timeout)} ({message.JobName} is still queued or failed on the way); "
                + $"every clip is kept, and `cloudreel assemble --job {job.FilmId}` makes the film from them");
            throw;
        }

        if (!completion.Succeeded || completion.Result is null) await FailAsync(context, run, $"the assembler could not make the film: {completion.Error ?? "no reason given"}");
        return completion.Result!;
    }

    private static string Describe(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} minutes");

    /// <summary>Writes the failed film's report, then ends the orchestration as failed.</summary>
    private static async Task FailAsync(TaskOrchestrationContext context, FilmRun run, string reason)
    {
        run.Begin(FilmStages.Failed, reason);
        var report = run.BuildReport(FilmStages.Failed, reason);
        await context.CallActivityAsync<IReadOnlyList<string>>(nameof(WriteFilmReportActivity), report, new TaskOptions(StoreRetry));
        run.Events.FilmFailed(reason, run.Outcomes);
        await run.Events.FlushAsync();
        throw new FilmFailedException(run.FilmId, reason);
    }
}

/// <summary>The film could not be made; the message says why, shot by shot where it applies.</summary>
public sealed class FilmFailedException(string filmId, string reason) : Exception($"Film {filmId} failed: {reason}")
{
    public string FilmId { get; } = filmId;

    public string Reason { get; } = reason;
}

public sealed record PlanRequest(string FilmId, FilmOrder Order)
{
    /// <summary>The film's speech, once spoken: 'seconds: auto' shots are planned to its measured length.</summary>
    public SpokenFilm? Speech { get; init; }
}

public sealed record StoryboardRequest(string FilmId, PlannedFilm Plan);

public sealed record AssemblyJob(string FilmId, FilmTimeline Timeline);
