using System.Text.Json;
using CloudReel.Api.Http;
using CloudReel.Api.Status;
using CloudReel.Api.Submission;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Control;

/// <summary>
/// POST /api/films/{id}/approve and /cancel. Approving answers the storyboard gate of a film that
/// waits at it; cancelling terminates the film and its running shots and gives back the model slots
/// their jobs held, so other films can use them at once. The first answer to the gate wins
/// (<see cref="ApprovalAnswers"/>); a later one gets 409.
/// </summary>
public sealed class FilmControls(IFilmRuntime runtime, IModelSlots slots, IClipStore store)
{
    public async Task<IResult> ApproveAsync(HttpRequest request, string filmId, CancellationToken cancellationToken)
    {
        var film = await FindFilmAsync(filmId, cancellationToken);
        if (film is null) return ApiProblems.NotFound(request, $"There is no film '{filmId}'.");
        var stage = film.ReadCustomStatusAs<FilmProgress>()?.Stage;
        if (film.IsTerminal || stage != FilmStages.Approval)
        {
            return ApiProblems.Conflict(request, $"Film {filmId} is not waiting for approval (it is {FilmStatusNames.Of(film.Status)}{(stage is null ? "" : $", stage {stage}")}).");
        }

        ApprovalRequest? body;
        try
        {
            body = await OptionalJsonBody.ReadAsync<ApprovalRequest>(request, cancellationToken);
        }
        catch (JsonException bad)
        {
            var where = bad.Path is { Length: > 2 } path ? $" (at {path[2..]})" : "";
            return ApiProblems.BadRequest(request, $"The body is not an approval{where}: send {{\"approved\": true, \"by\": \"…\", \"comment\": \"…\"}}.");
        }

        var decision = new ApprovalDecision(body?.Approved ?? true, body?.By, body?.Comment);
        if (await ApprovalAnswers.TryClaimAsync(store, filmId, decision, cancellationToken) is { } first)
        {
            return ApiProblems.Conflict(request, $"The storyboard of {filmId} was already {(first.Approved ? "approved" : "rejected")}{(first.By is null ? "" : $" by {first.By}")}; the first answer stands.");
        }

        await runtime.RaiseEventAsync(filmId, FilmEvents.StoryboardApproved, decision, cancellationToken);
        return FilmSubmissions.Accepted(request, filmId, replayed: false, new FilmAccepted(filmId, decision.Approved ? "approved" : "rejected", ApiUrls.Film(request, filmId)));
    }

    public async Task<IResult> CancelAsync(HttpRequest request, string filmId, CancellationToken cancellationToken)
    {
        var film = await FindFilmAsync(filmId, cancellationToken);
        if (film is null) return ApiProblems.NotFound(request, $"There is no film '{filmId}'.");
        if (film.IsTerminal) return ApiProblems.Conflict(request, $"Film {filmId} has already ended ({FilmStatusNames.Of(film.Status)}).");

        var running = await RunningShotsAsync(filmId, cancellationToken);
        await runtime.TerminateAsync(filmId, "cancelled through the API", cancellationToken);
        await GiveBackSlotsAsync(running, cancellationToken);
        return FilmSubmissions.Accepted(request, filmId, replayed: false, new FilmAccepted(filmId, "cancelling", ApiUrls.Film(request, filmId)));
    }

    /// <summary>The film's shots still running, read before it is terminated (their inputs say which job slots they may hold).</summary>
    public async Task<IReadOnlyList<WorkflowInstance>> RunningShotsAsync(string filmId, CancellationToken cancellationToken) =>
        (await runtime.ListInstancesAsync(ShotOrchestration.InstanceIdFor(filmId, ""), cancellationToken)).Where(s => !s.IsTerminal).ToList();

    /// <summary>Gives back the model slots terminated shots' jobs held, so other films can use them at once.</summary>
    public async Task GiveBackSlotsAsync(IEnumerable<WorkflowInstance> shots, CancellationToken cancellationToken)
    {
        foreach (var attempt in shots.Select(s => s.ReadInputAs<ShotInput>()).OfType<ShotInput>().SelectMany(s => s.Chain).Where(a => a.SlotCapacity > 0))
        {
            await slots.ReleaseAsync(attempt.SlotGroup ?? attempt.Model, attempt.ContentKey, cancellationToken);
        }
    }

    private async Task<WorkflowInstance?> FindFilmAsync(string filmId, CancellationToken cancellationToken) =>
        StoreLayout.IsValidId(filmId) && await runtime.GetInstanceAsync(filmId, cancellationToken) is { Name: nameof(FilmOrchestration) } film ? film : null;
}

/// <summary>The body of POST /api/films/{id}/approve; all optional (an empty body approves).</summary>
public sealed record ApprovalRequest(bool? Approved = null, string? By = null, string? Comment = null);
