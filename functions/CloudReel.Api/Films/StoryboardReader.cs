using CloudReel.Api.Links;
using CloudReel.Api.Status;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Films;

/// <summary>
/// GET /api/films/{id}/storyboard: the film's storyboard (storyboard.yaml, written once it is planned)
/// shot by shot, each with what its shot orchestration has made so far: state, model, cost, whether the
/// clip came from the cache, and a short-lived link to the clip.
/// </summary>
public sealed class StoryboardReader(IFilmRuntime runtime, IClipStore store, OutputLinks links)
{
    /// <summary>The storyboard; null when there is no such film; a storyboard without shots while it is not planned yet.</summary>
    public async Task<FilmStoryboard?> ReadAsync(HttpRequest request, string filmId, CancellationToken cancellationToken)
    {
        if (await runtime.GetInstanceAsync(filmId, cancellationToken) is not { Name: nameof(FilmOrchestration) } film) return null;
        var progress = film.ReadCustomStatusAs<FilmProgress>();
        var name = StoreLayout.FilmOutput(filmId, WriteStoryboardActivity.FileName);
        var order = await store.ExistsAsync(name, cancellationToken)
            ? OrderLoader.BindUnchecked(await store.ReadTextAsync(name, cancellationToken), WriteStoryboardActivity.FileName)
            : null;

        var made = (await runtime.ListInstancesAsync(ShotOrchestration.InstanceIdFor(filmId, ""), cancellationToken))
            .Select(i => (State: FilmStatusReader.ShotStateOf(i), Outcome: i.Status == WorkflowStatus.Completed ? i.ReadOutputAs<ShotOutcome>() : null))
            .GroupBy(s => s.State.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

        var shots = new List<StoryboardShot>();
        foreach (var shot in order?.Shots ?? [])
        {
            made.TryGetValue(shot.Id, out var run);
            var clip = run.Outcome?.Clip is { } record ? await links.ShotClipLinkAsync(request, filmId, shot.Id, record.ContentKey, cancellationToken) : default;
            shots.Add(new StoryboardShot(
                shot.Id,
                shot.Prompt,
                shot.Seconds,
                shot.Captions,
                run.State?.Model ?? (shot.Clip is not null ? OwnClip.Maker : shot.Model ?? order!.Model),
                shot.Seed,
                shot.Image is not null,
                run.State?.Status ?? (film.IsTerminal ? FilmStatusNames.Of(film.Status) : "planned"),
                run.State?.State,
                run.State?.Cost ?? 0,
                run.Outcome?.Source switch { ShotSource.Generated => "generated", ShotSource.Cache => "cache", ShotSource.Provided => "provided", _ => null },
                clip.Url,
                clip.Url is null ? null : clip.ExpiresUtc,
                run.State?.Error));
        }

        return new FilmStoryboard(
            filmId,
            order?.Title ?? film.ReadInputAs<FilmRequest>()?.Label?.Title ?? filmId,
            FilmStatusNames.Of(film.Status),
            progress?.Stage,
            !film.IsTerminal && progress?.Stage == FilmStages.Approval,
            film.IsTerminal,
            order?.Languages ?? [],
            shots);
    }
}

/// <summary>A film's storyboard as the studio shows it; <paramref name="CanRetake"/> once it has ended (edit, regenerate, replace).</summary>
public sealed record FilmStoryboard(
    string FilmId, string Title, string Status, string? Stage, bool AwaitingApproval, bool CanRetake, IReadOnlyList<string> Languages, IReadOnlyList<StoryboardShot> Shots);

/// <summary>One card of the storyboard: the shot as planned and what was made of it (source: generated, cache, or provided: the order's own clip).</summary>
public sealed record StoryboardShot(
    string Id,
    string Prompt,
    double Seconds,
    IReadOnlyDictionary<string, string> Captions,
    string? Model,
    long? Seed,
    bool HasPicture,
    string Status,
    string? State,
    decimal Cost,
    string? Source,
    string? ClipUrl,
    DateTime? ClipExpiresUtc,
    string? Error);
