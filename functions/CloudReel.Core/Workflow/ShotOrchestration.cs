using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Quality;
using CloudReel.Core.Workflow.Activities;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// Makes one shot. A shot made of one's own clip is filed in the clip store as it is. Otherwise a shot that continues its sequence first takes the last frame of the clip before it
/// as its first frame (and that clip's hash into its content key). Then each model in the shot's chain
/// in turn makes it (see <see cref="ModelAttemptRun"/>), served from the clip cache when it can be,
/// with its cost reserved against the film's budget and settled at what it really cost. Every clip is
/// checked (offline checks, and the vision judge where one is configured; a clip checked before keeps
/// its recorded verdict); a take that fails is retaken with a new seed up to <c>qa.retries</c> times,
/// then the shot falls back, fails or keeps the take as <c>qa.onFail</c> says. A refusal, a failure, a
/// timeout or a bad clip moves the shot to the next model; a shot that would cross the budget is not
/// submitted, and stops there.
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
        if (input.Own is { } own) return await TakeOwnClipAsync(context, input, own);
        var chain = input.Previous is { } previous ? await ContinueFromAsync(context, input, previous) : input.Chain;
        var attempts = new List<AttemptRecord>();
        var qa = input.Qa;
        (ClipRecord Clip, string Model, ShotSource Source)? lastFailedTake = null;
        foreach (var planned in chain)
        {
            var stop = false;
            for (var take = 0; take <= (qa?.Spec.Retries ?? 0); take++)
            {
                var attempt = planned.Retake(take);
                var (made, clip) = await ModelAttemptRun.RunAsync(context, new ShotJob(input.FilmId, input.ShotId, attempt, input.Budget));
                var record = made with { Take = take, Seed = attempt.Request.Seed };

                // The film has no money left for this shot: trying again or the next model would only hide that.
                if (record.Result == AttemptResult.OverBudget)
                {
                    attempts.Add(record);
                    stop = true;
                    break;
                }

                if (record.Result != AttemptResult.FromCache) await SettleAsync(context, input, attempt, record.Cost);
                if (clip is null)
                {
                    attempts.Add(record);
                    break;
                }

                var source = record.Result == AttemptResult.FromCache ? ShotSource.Cache : ShotSource.Generated;
                if (qa is not null && qa.Spec.Checks.Count > 0)
                {
                    context.SetCustomStatus(new ShotProgress(input.ShotId, "checking", attempt.Model, 100));
                    var verdict = await context.CallActivityAsync<ClipQualityReport>(
                        nameof(CheckClipActivity), new ClipCheckRequest(attempt.ContentKey, attempt.Model, attempt.Request.Seconds, attempt.Request.Prompt, qa));
                    record = record with { Checks = verdict.Checks, ChecksRecorded = verdict.Recorded };
                    if (!verdict.Passed)
                    {
                        attempts.Add(record with { Result = AttemptResult.FailedChecks, Message = verdict.Reasons });
                        lastFailedTake = (clip, attempt.Model, source);
                        continue;
                    }
                }

                attempts.Add(record);
                context.SetCustomStatus(new ShotProgress(input.ShotId, source == ShotSource.Cache ? "cached" : "generated", attempt.Model, 100));
                return new ShotOutcome { ShotId = input.ShotId, Source = source, Clip = clip, Model = attempt.Model, Attempts = attempts };
            }

            if (stop || (qa?.Spec.OnFail != QaFailure.Fallback && lastFailedTake is not null)) break;
        }

        if (qa?.Spec.OnFail == QaFailure.Accept && lastFailedTake is { } kept)
        {
            context.SetCustomStatus(new ShotProgress(input.ShotId, "accepted", kept.Model, 100));
            return new ShotOutcome { ShotId = input.ShotId, Source = kept.Source, Clip = kept.Clip, Model = kept.Model, Attempts = attempts };
        }

        context.SetCustomStatus(new ShotProgress(input.ShotId, "failed", attempts.LastOrDefault()?.Model ?? ""));
        return new ShotOutcome { ShotId = input.ShotId, Source = ShotSource.Failed, Attempts = attempts };
    }

    /// <summary>A shot of one's own footage: its clip is filed in the store under the key of its bytes; no model, no cost.</summary>
    private static async Task<ShotOutcome> TakeOwnClipAsync(TaskOrchestrationContext context, ShotInput input, OwnClip own)
    {
        context.SetCustomStatus(new ShotProgress(input.ShotId, "filing", OwnClip.Maker));
        var clip = await context.CallActivityAsync<ClipRecord>(nameof(TakeOwnClipActivity), new OwnClipJob(input.FilmId, input.ShotId, own), new TaskOptions(FilmOrchestration.StoreRetry));
        context.SetCustomStatus(new ShotProgress(input.ShotId, "provided", OwnClip.Maker, 100));
        return new ShotOutcome { ShotId = input.ShotId, Source = ShotSource.Provided, Clip = clip, Model = OwnClip.Maker };
    }

    /// <summary>The shot's chain, each attempt starting from the last frame of the clip before it and keyed by that clip.</summary>
    private static async Task<IReadOnlyList<ModelAttempt>> ContinueFromAsync(TaskOrchestrationContext context, ShotInput input, PreviousClip previous)
    {
        context.SetCustomStatus(new ShotProgress(input.ShotId, "taking-last-frame", input.Chain.Count > 0 ? input.Chain[0].Model : ""));
        var frame = await context.CallActivityAsync<ReferenceImage>(nameof(LastFrameActivity), previous, new TaskOptions(FilmOrchestration.StoreRetry));
        return input.Chain.Select(a => a.ContinuingFrom(previous.Sha256, frame)).ToList();
    }

    /// <summary>Settles the attempt's reservation (made by the submit) at what it really cost; 0 frees the money.</summary>
    private static async Task SettleAsync(TaskOrchestrationContext context, ShotInput input, ModelAttempt attempt, decimal actual)
    {
        if (input.Budget is null || attempt.EstimatedCost <= 0) return;
        await context.CallActivityAsync<bool>(
            nameof(SettleBudgetActivity), new BudgetSettlement(input.FilmId, attempt.ContentKey, actual), new TaskOptions(FilmOrchestration.StoreRetry));
    }
}
