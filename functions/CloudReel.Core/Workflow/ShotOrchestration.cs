using System.Globalization;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow.Activities;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// Makes one shot: for each model in the shot's chain, serve it from the clip cache, or reserve its
/// cost against the film's budget and make it (see <see cref="ModelAttemptRun"/>). A refusal, a
/// failure, a timeout or a bad clip moves the shot to the next model; a shot that would cross the
/// budget is not submitted, and stops there.
/// </summary>
public sealed class ShotOrchestration : TaskOrchestrator<ShotInput, ShotOutcome>
{
    /// <summary>Polling is cheap and idempotent: ride out short outages of the service.</summary>
    public static readonly RetryPolicy PollRetry = new(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromMinutes(1));

    /// <summary>Downloads retry separately from generation, so a flaky link never causes a second paid job.</summary>
    public static readonly RetryPolicy DownloadRetry = new(
        maxNumberOfAttempts: 3,
        firstRetryInterval: TimeSpan.FromSeconds(3),
        backoffCoefficient: 2.0)
    {
        HandleFailure = failure => !failure.IsCausedBy<BadClipException>() && !failure.IsCausedBy<ClipUnavailableException>(),
    };

    /// <summary>The instance id of one shot's orchestration within a film.</summary>
    public static string InstanceIdFor(string filmId, string shotId) => $"{filmId}.shot.{shotId}";

    public override async Task<ShotOutcome> RunAsync(TaskOrchestrationContext context, ShotInput input)
    {
        var attempts = new List<AttemptRecord>();
        foreach (var attempt in input.Chain)
        {
            context.SetCustomStatus(new ShotProgress(input.ShotId, "checking-cache", attempt.Model));
            var cached = await context.CallActivityAsync<ClipRecord?>(nameof(FindCachedClipActivity), attempt.ContentKey);
            if (cached is not null)
            {
                attempts.Add(new AttemptRecord(attempt.Model, attempt.ContentKey, cached.JobId, AttemptResult.FromCache));
                return Finish(context, input, ShotSource.Cache, cached, attempt.Model, attempts);
            }

            if (await ReserveAsync(context, input, attempt) is { } overBudget)
            {
                // The film has no money left for this shot: trying the next model would only hide that.
                attempts.Add(overBudget);
                break;
            }

            var (record, clip) = await ModelAttemptRun.RunAsync(context, new ShotJob(input.FilmId, input.ShotId, attempt));
            attempts.Add(record);
            await SettleAsync(context, input, attempt, record.Cost);
            if (clip is not null) return Finish(context, input, ShotSource.Generated, clip, attempt.Model, attempts);
        }

        context.SetCustomStatus(new ShotProgress(input.ShotId, "failed", attempts.LastOrDefault()?.Model ?? ""));
        return new ShotOutcome { ShotId = input.ShotId, Source = ShotSource.Failed, Attempts = attempts };
    }

    private static ShotOutcome Finish(TaskOrchestrationContext context, ShotInput input, ShotSource source, ClipRecord clip, string model, List<AttemptRecord> attempts)
    {
        context.SetCustomStatus(new ShotProgress(input.ShotId, source == ShotSource.Cache ? "cached" : "generated", model, 100));
        return new ShotOutcome { ShotId = input.ShotId, Source = source, Clip = clip, Model = model, Attempts = attempts };
    }

    /// <summary>Null when the attempt may go ahead; the refusal when it would cross the film's budget.</summary>
    private static async Task<AttemptRecord?> ReserveAsync(TaskOrchestrationContext context, ShotInput input, ModelAttempt attempt)
    {
        if (input.Budget is not { } budget || attempt.EstimatedCost <= 0) return null;
        var decision = await context.CallActivityAsync<BudgetDecision>(
            nameof(ReserveBudgetActivity),
            new BudgetReservation(input.FilmId, attempt.ContentKey, attempt.EstimatedCost, budget.Limit),
            new TaskOptions(FilmOrchestration.StoreRetry));
        if (decision.Granted) return null;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{attempt.EstimatedCost:0.00} {budget.Currency} more would take the film to {decision.Committed + attempt.EstimatedCost:0.00} {budget.Currency}, over its budget of {budget.Limit:0.00} {budget.Currency}; not submitted");
        return new AttemptRecord(attempt.Model, attempt.ContentKey, null, AttemptResult.OverBudget, ProviderCode: "budget", Message: message);
    }

    private static async Task SettleAsync(TaskOrchestrationContext context, ShotInput input, ModelAttempt attempt, decimal actual)
    {
        if (input.Budget is null || attempt.EstimatedCost <= 0) return;
        await context.CallActivityAsync<bool>(
            nameof(SettleBudgetActivity), new BudgetSettlement(input.FilmId, attempt.ContentKey, actual), new TaskOptions(FilmOrchestration.StoreRetry));
    }
}
