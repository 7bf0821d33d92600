using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// What the film orchestration has learned so far, and the stage it is in. Stage times come from
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, so they replay identically.
/// </summary>
internal sealed class FilmRun(TaskOrchestrationContext context, string filmId, bool sendsEvents)
{
    private readonly DateTime _startedUtc = context.CurrentUtcDateTime;
    private readonly List<StageTiming> _stages = [];
    private string? _stage;
    private DateTime _stageStartedUtc;

    public string FilmId => filmId;

    /// <summary>The film's events on their way out (CloudEvents to Event Grid and webhooks).</summary>
    public EventOutbox Events { get; } = new(context, filmId, sendsEvents);

    public IReadOnlyList<OrderError> OrderErrors { get; set; } = [];

    public PlannedFilm? Plan { get; set; }

    public IReadOnlyList<ShotOutcome> Outcomes { get; set; } = [];

    public AssemblyResult? Assembly { get; set; }

    /// <summary>The film's speech, when it speaks.</summary>
    public Speech.SpokenFilm? Speech { get; set; }

    /// <summary>Closes the current stage's clock, opens the next and shows it in the custom status.</summary>
    public void Begin(string stage, string? message = null)
    {
        var now = context.CurrentUtcDateTime;
        if (_stage is not null) _stages.Add(new StageTiming(_stage, (now - _stageStartedUtc).TotalSeconds));
        _stage = stage is FilmStages.Completed or FilmStages.Failed ? null : stage;
        _stageStartedUtc = now;
        context.SetCustomStatus(Progress(stage, message));
    }

    public void ReportProgress(IReadOnlyCollection<ShotOutcome> done) =>
        context.SetCustomStatus(new FilmProgress(
            FilmStages.Generate, done.Count, Plan?.Shots.Count ?? 0, done.Count(o => o.Source == ShotSource.Cache), null, Plan?.EstimatedCost, Currency));

    /// <summary>The report as of now; a stage still open counts up to now.</summary>
    public FilmReport BuildReport(string status, string? error)
    {
        var now = context.CurrentUtcDateTime;
        var stages = _stage is null ? _stages : [.. _stages, new StageTiming(_stage, (now - _stageStartedUtc).TotalSeconds)];
        var report = FilmReportBuilder.Build(filmId, status, error, _startedUtc, now, stages, Plan, Outcomes, OrderErrors, Assembly);
        return Speech is null ? report : report with { Speech = SpeechReport.Of(Speech) };
    }

    private FilmProgress Progress(string stage, string? message) => new(
        stage,
        Outcomes.Count(o => o.Succeeded),
        Plan?.Shots.Count ?? 0,
        Outcomes.Count(o => o.Source == ShotSource.Cache),
        message,
        Plan?.EstimatedCost,
        Currency);

    private string? Currency => Plan is null ? null : Plan.Order.Budget?.Currency ?? "USD";
}
