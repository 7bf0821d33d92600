using CloudReel.Core.Ports;
using CloudReel.Core.Workflow.Activities;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// Makes one shot: each model in the shot's chain in turn makes it (see <see cref="ModelAttemptRun"/>),
/// served from the clip cache when it can be, with its cost reserved against the film's budget and
/// settled at what it really cost. A refusal, a failure, a timeout or a bad clip moves the shot to the
/// next model; a shot that would cross the budget is not submitted, and stops there.
/// </summary>
public sealed class ShotOrchestration : TaskOrchestrator<ShotInput, ShotOutcome>
{
    /// <summary>
    /// Polling is cheap and idempotent: ride out short outages of the service, and of the download the
    /// poll that finds the job done makes; a bad or vanished clip is final, and never causes a second paid job.
    /// </summary>
    public static readonly RetryPolicy PollRetry = new(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromMinutes(1))
    {
        HandleFailure = failure => !failure.CausedBy<BadClipException>() && !failure.CausedBy<ClipUnavailableException>(),
    };

    /// <summary>The instance id of one shot's orchestration within a film.</summary>
    public static string InstanceIdFor(string filmId, string shotId) => $"{filmId}.shot.{shotId}";

    public override async Task<ShotOutcome> RunAsync(TaskOrchestrationContext context, ShotInput input)
    {
        var attempts = new List<AttemptRecord>();
        foreach (var attempt in input.Chain)
        {
            var (record, clip) = await ModelAttemptRun.RunAsync(context, new ShotJob(input.FilmId, input.ShotId, attempt, input.Budget));
            attempts.Add(record);

            // The film has no money left for this shot: trying the next model would only hide that.
            if (record.Result == AttemptResult.OverBudget) break;
            if (record.Result != AttemptResult.FromCache) await SettleAsync(context, input, attempt, record.Cost);
            if (clip is null) continue;

            var source = record.Result == AttemptResult.FromCache ? ShotSource.Cache : ShotSource.Generated;
            context.SetCustomStatus(new ShotProgress(input.ShotId, source == ShotSource.Cache ? "cached" : "generated", attempt.Model, 100));
            return new ShotOutcome { ShotId = input.ShotId, Source = source, Clip = clip, Model = attempt.Model, Attempts = attempts };
        }

        context.SetCustomStatus(new ShotProgress(input.ShotId, "failed", attempts.LastOrDefault()?.Model ?? ""));
        return new ShotOutcome { ShotId = input.ShotId, Source = ShotSource.Failed, Attempts = attempts };
    }

    /// <summary>Settles the attempt's reservation (made by the submit) at what it really cost; 0 frees the money.</summary>
    private static async Task SettleAsync(TaskOrchestrationContext context, ShotInput input, ModelAttempt attempt, decimal actual)
    {
        if (input.Budget is null || attempt.EstimatedCost <= 0) return;
        await context.CallActivityAsync<bool>(
            nameof(SettleBudgetActivity), new BudgetSettlement(input.FilmId, attempt.ContentKey, actual), new TaskOptions(FilmOrchestration.StoreRetry));
    }
}
