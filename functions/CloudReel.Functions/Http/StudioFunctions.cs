using CloudReel.Api;
using CloudReel.Api.Studio;
using CloudReel.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CloudReel.Functions.Http;

/// <summary>
/// The studio's routes as HTTP triggers: the dashboard's files at /api/studio/ (anonymous: they hold no
/// secret; the page asks for a function key), and the API routes only the studio uses, over the same <see cref="FilmApi"/>.
/// </summary>
public sealed class StudioFunctions(FilmApiServices services)
{
    [Function("Studio")]
    public static IResult Studio([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "studio/{*file}")] HttpRequest request, string? file) =>
        StudioFiles.Serve(request, file);

    [Function("ListFilms")]
    public Task<IResult> ListFilms([HttpTrigger(AuthorizationLevel.Function, "get", Route = "films")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).ListFilmsAsync(cancellationToken);

    [Function("GetStoryboard")]
    public Task<IResult> GetStoryboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "films/{id}/storyboard")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).GetStoryboardAsync(request, id, cancellationToken);

    [Function("EditShot")]
    public Task<IResult> EditShot(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "films/{id}/shots/{shotId}/edit")] HttpRequest request, string id, string shotId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).EditShotAsync(request, id, shotId, cancellationToken);

    [Function("ReplaceShotPicture")]
    public Task<IResult> ReplaceShotPicture(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "films/{id}/shots/{shotId}/picture")] HttpRequest request, string id, string shotId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).ReplaceShotPictureAsync(request, id, shotId, cancellationToken);

    [Function("ReplaceShotClip")]
    public Task<IResult> ReplaceShotClip(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "films/{id}/shots/{shotId}/clip")] HttpRequest request, string id, string shotId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).ReplaceShotClipAsync(request, id, shotId, cancellationToken);

    [Function("GetShotClip")]
    public Task<IResult> GetShotClip(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "films/{id}/shots/{shotId}/clip")] HttpRequest request, string id, string shotId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).GetShotClipAsync(request, id, shotId, cancellationToken);

    private FilmApi Api(DurableTaskClient client) => new(new DurableFilmRuntime(client), services);
}
