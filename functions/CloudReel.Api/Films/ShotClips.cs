using CloudReel.Api.Http;
using CloudReel.Api.Links;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Films;

/// <summary>
/// GET /api/films/{id}/shots/{shotId}/clip?expires=…&amp;sig=…: the clip that made one shot, behind a
/// link <see cref="OutputLinks"/> signed (for a store that cannot sign its own); the signature is the credential.
/// </summary>
public sealed class ShotClips(IFilmRuntime runtime, IClipStore store, OutputLinks links)
{
    public async Task<IResult> GetAsync(HttpRequest request, string filmId, string shotId, CancellationToken cancellationToken)
    {
        if (!StoreLayout.IsValidId(filmId) || !links.VerifyShotClip(filmId, shotId, request.Query["expires"], request.Query["sig"]))
        {
            return ApiProblems.Forbidden(request, "The link is not signed for this shot, or it has expired: ask GET /api/films/{id}/storyboard for a fresh one.");
        }

        var shot = await runtime.GetInstanceAsync(ShotOrchestration.InstanceIdFor(filmId, shotId), cancellationToken);
        var clip = shot is { Status: WorkflowStatus.Completed } ? shot.ReadOutputAs<ShotOutcome>()?.Clip : null;
        if (clip is null || !await store.ExistsAsync(StoreLayout.Clip(clip.ContentKey), cancellationToken))
        {
            return ApiProblems.NotFound(request, $"Shot {shotId} of film {filmId} has no clip.");
        }

        return Results.Stream(await store.OpenReadAsync(StoreLayout.Clip(clip.ContentKey), cancellationToken), "video/mp4", shotId + ".mp4", enableRangeProcessing: true);
    }
}
