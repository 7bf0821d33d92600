using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Reports;

/// <summary>Builds report.json from what the film orchestration knows. Pure.</summary>
public static class FilmReportBuilder
{
    public static FilmReport Build(
        string filmId,
        string status,
        string? error,
        DateTime startedUtc,
        DateTime finishedUtc,
        IReadOnlyList<StageTiming> stages,
        PlannedFilm? plan,
        IReadOnlyList<ShotOutcome> outcomes,
        IReadOnlyList<OrderError> orderErrors,
        AssemblyResult? assembly)
    {
        var order = plan?.Order;
        var byId = outcomes.ToDictionary(o => o.ShotId);
        var shots = plan?.Shots.Select((s, i) => ShotReportOf(s, byId.GetValueOrDefault(s.Shot.Id), order!.ContinuesSequence(i) ? plan.Shots[i - 1].Shot.Id : null)).ToList() ?? [];
        var currency = order?.Budget?.Currency ?? "USD";
        return new FilmReport
        {
            FilmId = filmId,
            Title = order?.Title ?? filmId,
            Status = status,
            Error = error,
            StartedUtc = startedUtc,
            FinishedUtc = finishedUtc,
            Stages = stages,
            Shots = new ShotCounts(
                Planned: plan?.Shots.Count ?? 0,
                Generated: shots.Count(s => s.Source == ShotSource.Generated),
                FromCache: shots.Count(s => s.Source == ShotSource.Cache),
                Retried: shots.Count(s => s.Source != ShotSource.Failed && s.Attempts.Any(a => a.Result is not (AttemptResult.Succeeded or AttemptResult.FromCache))),
                FallenBack: shots.Count(s => s.FallbackReason is not null && s.Source != ShotSource.Failed),
                Failed: shots.Count(s => s.Source == ShotSource.Failed))
            {
                Retaken = shots.Count(s => s.Attempts.Any(a => a.Result == AttemptResult.FailedChecks)),
                Provided = shots.Count(s => s.Source == ShotSource.Provided),
            },
            Cost = new CostSummary(plan?.EstimatedCost ?? 0, shots.Sum(s => s.Cost), currency, order?.Budget?.Limit),
            FilmSeconds = assembly?.FilmSeconds,
            FilmFrames = assembly?.FilmFrames,
            Outputs = assembly?.Files ?? [],
            OrderErrors = orderErrors,
            ShotDetails = shots,
            Label = order?.Label,
            ImplicitLabel = assembly?.ImplicitLabel,
            Quality = order is null || order.Qa.Checks.Count == 0 ? null : QualityOf(shots),
            Assembly = assembly is null ? null : new AssemblyReport(assembly.Draft, assembly.SoundReused, assembly.Renditions),
        };
    }

    private static QualitySummary QualityOf(IReadOnlyList<ShotReport> shots)
    {
        var checkedAttempts = shots.SelectMany(s => s.Attempts).Where(a => a.Checks is not null).ToList();
        var failed = checkedAttempts.SelectMany(a => a.Checks!).Where(c => !c.Passed)
            .GroupBy(c => c.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new QualitySummary(
            checkedAttempts.Count,
            checkedAttempts.Count(a => a.ChecksRecorded),
            checkedAttempts.Count(a => a.Result == AttemptResult.FailedChecks),
            failed,
            checkedAttempts.Sum(a => a.ChecksCost));
    }

    private static ShotReport ShotReportOf(PlannedShot planned, ShotOutcome? outcome, string? continuesFrom)
    {
        var clip = outcome?.Clip;
        var firstModel = planned.Chain.Count > 0 ? planned.Chain[0].Model : null;
        var leftFirst = outcome?.Attempts.FirstOrDefault(a => a.Model == firstModel && a.Result is not (AttemptResult.Succeeded or AttemptResult.FromCache));
        var madeBy = outcome?.Model;
        return new ShotReport
        {
            Id = planned.Shot.Id,
            Source = outcome?.Source ?? ShotSource.Failed,
            Model = madeBy,
            ModelVersion = clip?.ModelVersion,
            ContentKey = clip?.ContentKey,
            Prompt = clip?.Prompt,
            Seed = clip?.Seed,
            Sha256 = clip?.Sha256,
            Seconds = planned.Shot.Seconds,
            // Every attempt that may have been charged: the clip's job, and paid jobs whose clips were unusable.
            Cost = outcome?.Attempts.Sum(a => a.Cost + a.ChecksCost) ?? 0,
            Attempts = outcome?.Attempts ?? [],
            Retakes = outcome?.Attempts.Count(a => a.Take > 0 && a.Result != AttemptResult.OverBudget) ?? 0,
            Checks = clip is null ? null : outcome!.Attempts.LastOrDefault(a => a.ContentKey == clip.ContentKey)?.Checks,
            ContinuesFrom = continuesFrom,
            FallbackReason = madeBy is not null && madeBy != firstModel && leftFirst is not null ? leftFirst.Describe() : null,
            Error = outcome?.FailureSummary ?? (outcome is null ? "not made: the film stopped before this shot finished" : null),
        };
    }
}
