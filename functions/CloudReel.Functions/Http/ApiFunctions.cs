using CloudReel.Api;
using CloudReel.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CloudReel.Functions.Http;

/// <summary>
/// The routes of <see cref="ApiRoutes"/> as HTTP triggers (route prefix "api" from host.json), each a
/// call into the same <see cref="FilmApi"/> `cloudreel serve` runs, over this invocation's Durable client.
/// Function keys guard every route but health, the OpenAPI document and signed output links.
/// </summary>
public sealed class ApiFunctions(FilmApiServices services)
{
    [Function("SubmitFilm")]
    public Task<IResult> SubmitFilm(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "films")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).SubmitAsync(request, cancellationToken);

    [Function("GetFilm")]
    public Task<IResult> GetFilm(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "films/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).GetAsync(request, id, cancellationToken);

    [Function("ApproveFilm")]
    public Task<IResult> ApproveFilm(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "films/{id}/approve")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).ApproveAsync(request, id, cancellationToken);

    [Function("RegenerateShot")]
    public Task<IResult> RegenerateShot(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "films/{id}/shots/{shotId}/regenerate")] HttpRequest request, string id, string shotId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).RegenerateAsync(request, id, shotId, cancellationToken);

    [Function("CancelFilm")]
    public Task<IResult> CancelFilm(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "films/{id}/cancel")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).CancelAsync(request, id, cancellationToken);

    [Function("GetOutput")]
    public Task<IResult> GetOutput(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "films/{id}/outputs/{file}")] HttpRequest request, string id, string file,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).GetOutputAsync(request, id, file, cancellationToken);

    [Function("SubmitBatch")]
    public Task<IResult> SubmitBatch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).Batches.SubmitAsync(request, cancellationToken);

    [Function("GetBatch")]
    public Task<IResult> GetBatch(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).Batches.GetAsync(request, id, cancellationToken);

    [Function("CancelBatch")]
    public Task<IResult> CancelBatch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches/{id}/cancel")] HttpRequest request, string id, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).Batches.CancelAsync(request, id, cancellationToken);

    [Function("ListModels")]
    public IResult ListModels([HttpTrigger(AuthorizationLevel.Function, "get", Route = "models")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        Api(client).ListModels();

    [Function("GetOpenApi")]
    public static IResult GetOpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        FilmApi.OpenApiDocument();

    [Function("GetHealth")]
    public Task<IResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).HealthAsync(request, cancellationToken);

    private FilmApi Api(DurableTaskClient client) => new(new DurableFilmRuntime(client), services);
}
