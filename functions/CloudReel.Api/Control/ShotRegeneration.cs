using System.Globalization;
using System.Text.Json;
using CloudReel.Api.Http;
using CloudReel.Api.Status;
using CloudReel.Api.Submission;
using CloudReel.Core.Intake;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Control;

/// <summary>
/// POST /api/films/{id}/shots/{shotId}/regenerate: a new take of one shot. A finished film is never
/// changed; a new film is made from its storyboard with that shot's seed changed (the one given, or a
/// fresh one) and no approval gate. Every other shot has the same content key, so it comes from the
/// clip cache at no cost; only the new take is paid for, and the film is assembled again.
/// </summary>
public sealed class ShotRegeneration(IFilmRuntime runtime, IClipStore store, IVideoModelCatalog models, FilmIntake intake)
{
    public async Task<IResult> RegenerateAsync(HttpRequest request, string filmId, string shotId, CancellationToken cancellationToken)
    {
        if (!StoreLayout.IsValidId(filmId) || await runtime.GetInstanceAsync(filmId, cancellationToken) is not { Name: nameof(FilmOrchestration) } film)
        {
            return ApiProblems.NotFound(request, $"There is no film '{filmId}'.");
        }

        if (!film.IsTerminal) return ApiProblems.Conflict(request, $"Film {filmId} is still {FilmStatusNames.Of(film.Status)}: regenerate a shot once it has ended, or cancel it first.");
        var storyboardName = StoreLayout.FilmOutput(filmId, WriteStoryboardActivity.FileName);
        if (!await store.ExistsAsync(storyboardName, cancellationToken)) return ApiProblems.Conflict(request, $"Film {filmId} ended before it had a storyboard; send the order again instead.");

        var loader = new OrderLoader(new StoreOrderFiles(store, filmId), models.CapabilitiesByName(), models.UnconfiguredModels());
        var storyboard = await loader.LoadAsync(await store.ReadTextAsync(storyboardName, cancellationToken), WriteStoryboardActivity.FileName, cancellationToken);
        if (!storyboard.IsValid)
        {
            return ApiProblems.Conflict(request, $"The storyboard of {filmId} can no longer be rendered here: {string.Join("; ", storyboard.Errors.Take(3))}");
        }

        var order = storyboard.Order!;
        var shot = order.Shots.FirstOrDefault(s => s.Id == shotId);
        if (shot is null) return ApiProblems.NotFound(request, $"Film {filmId} has no shot '{shotId}' (its shots: {string.Join(", ", order.Shots.Select(s => s.Id))}).");

        RegenerationRequest? body;
        try
        {
            body = await OptionalJsonBody.ReadAsync<RegenerationRequest>(request, cancellationToken);
        }
        catch (JsonException bad)
        {
            var where = bad.Path is { Length: > 2 } path ? $" (at {path[2..]})" : "";
            return ApiProblems.BadRequest(request, $"The body is not a regeneration{where}: send {{\"seed\": <a whole number 0-{uint.MaxValue}>}}, or nothing.");
        }

        if (body?.Seed is < 0 or > uint.MaxValue) return ApiProblems.BadRequest(request, $"seed must be 0-{uint.MaxValue}.");
        var key = request.Headers[IdempotencyRecords.HeaderName].FirstOrDefault()?.Trim();
        var newFilmId = key is { Length: > 0 } ? FilmIds.Derived(order.Title, "regenerate", filmId, shotId, key) : FilmIds.Random(order.Title);
        var seed = body?.Seed ?? NewSeed(filmId, shotId, newFilmId, shot.Seed);
        var accepted = new FilmAccepted(newFilmId, "accepted", ApiUrls.Film(request, newFilmId), filmId, shotId, seed);
        if (await runtime.GetInstanceAsync(newFilmId, cancellationToken) is not null) return FilmSubmissions.Accepted(request, newFilmId, replayed: true, accepted);

        var retake = order with
        {
            Approval = ApprovalSpec.None,
            Shots = order.Shots.Select(s => s.Id == shotId ? s with { Seed = seed } : s).ToList(),
        };
        var text = OrderYamlWriter.Write(retake, schemaPath: null, [$"Film {newFilmId}: shot {shotId} of film {filmId} again, with seed {seed}; every other clip comes from the cache."]);
        var origin = $"shot {shotId} of film {filmId} again";
        await intake.SubmitAsync(runtime, newFilmId, new OrderDocument(text, OrderDocument.Yaml, "order.yaml"), retake, new StoreFolderFiles(store, StoreLayout.OrderFolder(filmId)), origin, draft: false, cancellationToken);
        return FilmSubmissions.Accepted(request, newFilmId, replayed: false, accepted);
    }

    /// <summary>A seed from the new film's id (so a repeated request makes the same take), never the shot's current one.</summary>
    private static long NewSeed(string filmId, string shotId, string newFilmId, long? current)
    {
        var seed = long.Parse(FilmIds.Hash("seed", filmId, shotId, newFilmId)[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return seed == current ? (seed + 1) % ((long)uint.MaxValue + 1) : seed;
    }
}

/// <summary>The body of a regeneration: the seed to use, or nothing for a fresh one.</summary>
public sealed record RegenerationRequest(long? Seed = null);
