using CloudReel.Api.Http;
using CloudReel.Api.Links;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Status;

/// <summary>
/// Builds a film's status from what the runtime knows (the film's and its shots' instances and custom
/// statuses) and, once it has ended, what it wrote (report.json, its outputs behind signed links).
/// </summary>
public sealed class FilmStatusReader(IFilmRuntime runtime, IClipStore store, OutputLinks links)
{
    /// <summary>The film's status, or null when there is no film with that id.</summary>
    public async Task<FilmStatusResponse?> ReadAsync(HttpRequest request, string filmId, CancellationToken cancellationToken)
    {
        var film = await runtime.GetInstanceAsync(filmId, cancellationToken);
        if (film is null || film.Name != nameof(FilmOrchestration)) return null;

        var progress = film.ReadCustomStatusAs<FilmProgress>();
        var shots = (await runtime.ListInstancesAsync(ShotOrchestration.InstanceIdFor(filmId, ""), cancellationToken))
            .OrderBy(s => s.CreatedUtc).ThenBy(s => s.InstanceId, StringComparer.Ordinal)
            .Select(ShotStateOf).ToList();
        var report = film.IsTerminal ? await ReadReportAsync(filmId, cancellationToken) : null;
        var outputs = new List<FilmOutput>();
        if (film.Status == WorkflowStatus.Completed && film.ReadOutputAs<FilmResult>() is { } result)
        {
            foreach (var file in result.Outputs) outputs.Add(await links.LinkAsync(request, filmId, file, cancellationToken));
        }

        var awaitingApproval = !film.IsTerminal && progress?.Stage == FilmStages.Approval;
        var self = ApiUrls.Film(request, filmId);
        return new FilmStatusResponse(
            filmId,
            FilmStatusNames.Of(film.Status),
            progress?.Stage,
            progress?.Message,
            awaitingApproval,
            film.CreatedUtc,
            film.LastUpdatedUtc,
            new ShotTally(
                report?.Shots.Planned ?? progress?.ShotsTotal ?? shots.Count,
                shots.Count(s => s.Status is "completed"),
                report?.Shots.FromCache ?? progress?.ShotsFromCache ?? 0,
                shots.Count(s => s.Status is "failed"))
            {
                Provided = report?.Shots.Provided ?? shots.Count(s => s.State is "provided"),
            },
            shots,
            report is not null
                ? new FilmCosts(report.Cost.Estimated, report.Cost.Actual, report.Cost.Currency, report.Cost.Budget)
                : new FilmCosts(progress?.EstimatedCost, shots.Sum(s => s.Cost), progress?.Currency ?? "USD", null),
            outputs,
            FilmStatusNames.Reason(film),
            new FilmLinks(self, awaitingApproval ? self + "/approve" : null, film.IsTerminal ? null : self + "/cancel"));
    }

    internal static ShotState ShotStateOf(WorkflowInstance shot)
    {
        var input = shot.ReadInputAs<ShotInput>();
        var progress = shot.ReadCustomStatusAs<ShotProgress>();
        var outcome = shot.Status == WorkflowStatus.Completed ? shot.ReadOutputAs<ShotOutcome>() : null;
        var status = outcome is { Succeeded: false } ? "failed" : FilmStatusNames.Of(shot.Status);
        return new ShotState(
            input?.ShotId ?? shot.InstanceId[(shot.InstanceId.LastIndexOf('.') + 1)..],
            status,
            progress?.State,
            outcome?.Model ?? progress?.Model ?? (input is { Chain.Count: > 0 } ? input.Chain[0].Model : null),
            progress?.Percent,
            outcome?.Attempts.Sum(a => a.Cost) ?? 0,
            PublicErrors.Of(outcome is { Succeeded: false } ? outcome.FailureSummary : shot.FailureMessage));
    }

    private async Task<FilmReport?> ReadReportAsync(string filmId, CancellationToken cancellationToken)
    {
        var name = StoreLayout.FilmOutput(filmId, WriteFilmReportActivity.ReportFileName);
        return await store.ExistsAsync(name, cancellationToken) ? WorkflowJson.Deserialize<FilmReport>(await store.ReadTextAsync(name, cancellationToken)) : null;
    }
}
