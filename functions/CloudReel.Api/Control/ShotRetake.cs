using System.Globalization;
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
/// A new take of one shot of an ended film, the one way regenerate, edit and replace make it: a finished
/// film is never changed; a new film is made from its storyboard with that shot changed and no approval
/// gate. Every other shot keeps its content key, so it comes from the clip cache at no cost; only the
/// changed shot is paid for, and the film is assembled again.
/// </summary>
public sealed class ShotRetake(IFilmRuntime runtime, IClipStore store, IVideoModelCatalog models, FilmIntake intake)
{
    /// <summary>The ended film's storyboard and the shot to take again; or the answer that refuses it (404, 409).</summary>
    public async Task<(RetakeSource? Source, IResult? Refusal)> LoadAsync(HttpRequest request, string filmId, string shotId, CancellationToken cancellationToken)
    {
        if (!StoreLayout.IsValidId(filmId) || await runtime.GetInstanceAsync(filmId, cancellationToken) is not { Name: nameof(FilmOrchestration) } film)
        {
            return (null, ApiProblems.NotFound(request, $"There is no film '{filmId}'."));
        }

        if (!film.IsTerminal) return (null, ApiProblems.Conflict(request, $"Film {filmId} is still {FilmStatusNames.Of(film.Status)}: take a shot again once it has ended, or cancel it first."));
        var storyboardName = StoreLayout.FilmOutput(filmId, WriteStoryboardActivity.FileName);
        if (!await store.ExistsAsync(storyboardName, cancellationToken)) return (null, ApiProblems.Conflict(request, $"Film {filmId} ended before it had a storyboard; send the order again instead."));

        var storyboard = await Loader(FilesOf(filmId)).LoadAsync(await store.ReadTextAsync(storyboardName, cancellationToken), WriteStoryboardActivity.FileName, cancellationToken);
        if (!storyboard.IsValid)
        {
            return (null, ApiProblems.Conflict(request, $"The storyboard of {filmId} can no longer be rendered here: {string.Join("; ", storyboard.Errors.Take(3))}"));
        }

        var order = storyboard.Order!;
        var shot = order.Shots.FirstOrDefault(s => s.Id == shotId);
        return shot is null
            ? (null, ApiProblems.NotFound(request, $"Film {filmId} has no shot '{shotId}' (its shots: {string.Join(", ", order.Shots.Select(s => s.Id))})."))
            : (new RetakeSource(filmId, order, shot), null);
    }

    /// <summary>
    /// Starts the new film (202), or answers as before when the same Idempotency-Key started it already.
    /// The changed order is validated first: a change that breaks it answers 400 with the errors by field.
    /// </summary>
    /// <param name="request">The request (its Idempotency-Key names the new film).</param>
    /// <param name="source">The film and shot from <see cref="LoadAsync"/>.</param>
    /// <param name="kind">What is done ("regenerate", "edit", "picture"): part of a keyed film's id.</param>
    /// <param name="change">The shot as the new film has it, given the new film's id.</param>
    /// <param name="extraFiles">Files the changed shot names that the film's staged order lacks (an uploaded picture).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task<IResult> StartAsync(
        HttpRequest request, RetakeSource source, string kind, Func<string, ShotSpec> change, IReadOnlyDictionary<string, byte[]>? extraFiles, CancellationToken cancellationToken)
    {
        var (filmId, order, shot) = source;
        var key = request.Headers[IdempotencyRecords.HeaderName].FirstOrDefault()?.Trim();
        var identity = kind == "regenerate" ? ["regenerate", filmId, shot.Id, key ?? ""] : new[] { kind, filmId, shot.Id, key ?? "" };
        var newFilmId = key is { Length: > 0 } ? FilmIds.Derived(order.Title, identity) : FilmIds.Random(order.Title);
        var changed = change(newFilmId);
        var accepted = new FilmAccepted(newFilmId, "accepted", ApiUrls.Film(request, newFilmId), filmId, shot.Id, changed.Seed);
        if (await runtime.GetInstanceAsync(newFilmId, cancellationToken) is not null) return FilmSubmissions.Accepted(request, newFilmId, replayed: true, accepted);

        var retake = order with
        {
            Approval = ApprovalSpec.None,
            Shots = order.Shots.Select(s => s.Id == shot.Id ? changed : s).ToList(),
        };
        var text = OrderYamlWriter.Write(retake, schemaPath: null, [$"Film {newFilmId}: shot {shot.Id} of film {filmId} again ({kind}); every other clip comes from the cache."]);
        IOrderSource files = extraFiles is { Count: > 0 } ? new OverlaidOrderFiles(FilesOf(filmId), extraFiles) : FilesOf(filmId);
        var document = new OrderDocument(text, OrderDocument.Yaml, "order.yaml");
        var checkedOrder = await intake.ValidateAsync(document, files, cancellationToken);
        if (!checkedOrder.IsValid) return ApiProblems.InvalidOrder(request, checkedOrder.Errors, $"(the changed shot {shot.Id})");

        var origin = $"shot {shot.Id} of film {filmId} again ({kind})";
        await intake.SubmitAsync(runtime, newFilmId, document, checkedOrder.Order, files, origin, draft: false, cancellationToken);
        return FilmSubmissions.Accepted(request, newFilmId, replayed: false, accepted);
    }

    /// <summary>A seed from the new film's id (so a repeated request makes the same take), never the shot's current one.</summary>
    public static long NewSeed(string filmId, string shotId, string newFilmId, long? current)
    {
        var seed = long.Parse(FilmIds.Hash("seed", filmId, shotId, newFilmId)[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return seed == current ? (seed + 1) % ((long)uint.MaxValue + 1) : seed;
    }

    private StoreFolderFiles FilesOf(string filmId) => new(store, StoreLayout.OrderFolder(filmId));

    private OrderLoader Loader(IOrderFiles files) => new(files, models.CapabilitiesByName(), models.UnconfiguredModels());
}

/// <summary>The ended film a retake starts from: its storyboard as an order, and the shot taken again.</summary>
public sealed record RetakeSource(string FilmId, FilmOrder Order, ShotSpec Shot);
