using CloudReel.Api.Status;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Api.Films;

/// <summary>
/// GET /api/films: every film the runtime knows, newest first, with what the films page shows
/// (title, where it came from, status, stage, shots, estimated cost). Shots and batches are not films.
/// </summary>
public sealed class FilmList(IFilmRuntime runtime)
{
    /// <summary>The most films one answer lists (the newest).</summary>
    public const int MaxFilms = 500;

    public async Task<IReadOnlyList<FilmSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var instances = await runtime.ListInstancesAsync("", cancellationToken);
        return instances
            .Where(i => i.Name == nameof(FilmOrchestration))
            .OrderByDescending(i => i.CreatedUtc).ThenBy(i => i.InstanceId, StringComparer.Ordinal)
            .Take(MaxFilms)
            .Select(SummaryOf)
            .ToList();
    }

    private static FilmSummary SummaryOf(WorkflowInstance film)
    {
        var label = film.ReadInputAs<FilmRequest>()?.Label;
        var progress = film.ReadCustomStatusAs<FilmProgress>();
        return new FilmSummary(
            film.InstanceId,
            label?.Title ?? film.InstanceId,
            label?.Source,
            FilmStatusNames.Of(film.Status),
            progress?.Stage,
            !film.IsTerminal && progress?.Stage == FilmStages.Approval,
            progress?.ShotsTotal ?? 0,
            progress?.ShotsDone ?? 0,
            progress?.EstimatedCost,
            progress?.Currency ?? "USD",
            film.CreatedUtc,
            film.LastUpdatedUtc);
    }
}

/// <summary>One line of the films list.</summary>
public sealed record FilmSummary(
    string Id,
    string Title,
    string? Origin,
    string Status,
    string? Stage,
    bool AwaitingApproval,
    int ShotsTotal,
    int ShotsDone,
    decimal? EstimatedCost,
    string Currency,
    DateTime CreatedUtc,
    DateTime LastUpdatedUtc);
