using System.Text.Json;
using CloudReel.Api.Http;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Control;

/// <summary>
/// POST /api/films/{id}/shots/{shotId}/regenerate: a new take of one shot (<see cref="ShotRetake"/>)
/// with that shot's seed changed: the one given, or a fresh one. A shot made of one's own clip has no take to make again (409).
/// </summary>
public sealed class ShotRegeneration(ShotRetake retake)
{
    public async Task<IResult> RegenerateAsync(HttpRequest request, string filmId, string shotId, CancellationToken cancellationToken)
    {
        var (source, refusal) = await retake.LoadAsync(request, filmId, shotId, cancellationToken);
        if (source is null) return refusal!;
        if (source.Shot.Clip is not null)
        {
            return ApiProblems.Conflict(request, $"Shot {shotId} is a clip of one's own: no model makes it, so there is nothing to make again; replace it with a picture or another clip instead.");
        }

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
        var shot = source.Shot;
        return await retake.StartAsync(
            request, source, "regenerate", newFilmId => shot with { Seed = body?.Seed ?? ShotRetake.NewSeed(filmId, shotId, newFilmId, shot.Seed) }, null, cancellationToken);
    }
}

/// <summary>The body of a regeneration: the seed to use, or nothing for a fresh one.</summary>
public sealed record RegenerationRequest(long? Seed = null);
