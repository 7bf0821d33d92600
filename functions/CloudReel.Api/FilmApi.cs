using CloudReel.Api.Control;
using CloudReel.Api.Events;
using CloudReel.Api.Films;
using CloudReel.Api.Http;
using CloudReel.Api.OpenApi;
using CloudReel.Api.Status;
using CloudReel.Api.Submission;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CloudReel.Api;

/// <summary>
/// The handlers of every route in <see cref="ApiRoutes"/>, over one film runtime. Both homes call
/// these and nothing else: `cloudreel serve` from Kestrel endpoints, the Functions app from its HTTP
/// triggers (ASP.NET Core integration executes the returned <see cref="IResult"/>).
/// </summary>
public sealed class FilmApi(IFilmRuntime runtime, FilmApiServices services)
{
    public FilmSubmissions Submissions => new(runtime, services.Intake, new IdempotencyRecords(services.Store), services.Options, services.Time, services.Preview);

    /// <summary>What inbound events (Event Grid, the poison queue) do, over the same runtime and store.</summary>
    public InboundEventHandler Events => new(
        runtime, services.Store, services.Intake, services.LoggerFactory.CreateLogger<InboundEventHandler>(),
        services.TakesBatches ? new Batches.BatchDrops(runtime, services.Store, services.Expander, services.Batches, services.LoggerFactory.CreateLogger<Batches.BatchDrops>()) : null);

    /// <summary>Batches: a template and its rows in, one film per row (POST, GET and cancel /api/batches).</summary>
    public Batches.BatchApi Batches => new(runtime, services);

    /// <summary>The most bytes any request body may have (an order is the largest).</summary>
    public int MaxBodyBytes => services.Options.MaxOrderBytes;

    /// <summary>The most bytes an order sent with its files may have.</summary>
    public int MaxUploadBytes => services.Options.MaxUploadBytes;

    public Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken) => Submissions.SubmitAsync(request, cancellationToken);

    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var status = StoreLayout.IsValidId(id) ? await new FilmStatusReader(runtime, services.Store, services.Links).ReadAsync(request, id, cancellationToken) : null;
        return status is null ? ApiProblems.NotFound(request, $"There is no film '{id}'.") : Results.Json(status, WorkflowJson.Options);
    }

    public Task<IResult> ApproveAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        new FilmControls(runtime, services.Slots, services.Store).ApproveAsync(request, id, cancellationToken);

    public Task<IResult> CancelAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        new FilmControls(runtime, services.Slots, services.Store).CancelAsync(request, id, cancellationToken);

    public Task<IResult> RegenerateAsync(HttpRequest request, string id, string shotId, CancellationToken cancellationToken) =>
        new ShotRegeneration(Retake).RegenerateAsync(request, id, shotId, cancellationToken);

    public async Task<IResult> ListFilmsAsync(CancellationToken cancellationToken) =>
        Results.Json(await new FilmList(runtime).ListAsync(cancellationToken), WorkflowJson.Options);

    public async Task<IResult> GetStoryboardAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var storyboard = StoreLayout.IsValidId(id) ? await new StoryboardReader(runtime, services.Store, services.Links).ReadAsync(request, id, cancellationToken) : null;
        return storyboard is null ? ApiProblems.NotFound(request, $"There is no film '{id}'.") : Results.Json(storyboard, WorkflowJson.Options);
    }

    public Task<IResult> EditShotAsync(HttpRequest request, string id, string shotId, CancellationToken cancellationToken) =>
        new ShotEdits(Retake).EditAsync(request, id, shotId, cancellationToken);

    public Task<IResult> ReplaceShotPictureAsync(HttpRequest request, string id, string shotId, CancellationToken cancellationToken) =>
        new ShotPictures(Retake).ReplaceAsync(request, id, shotId, cancellationToken);

    public Task<IResult> ReplaceShotClipAsync(HttpRequest request, string id, string shotId, CancellationToken cancellationToken) =>
        new ShotOwnClips(Retake).ReplaceAsync(request, id, shotId, cancellationToken);

    /// <summary>A signed link to one shot's clip; the signature is the credential.</summary>
    public Task<IResult> GetShotClipAsync(HttpRequest request, string id, string shotId, CancellationToken cancellationToken) =>
        new ShotClips(runtime, services.Store, services.Links).GetAsync(request, id, shotId, cancellationToken);

    private ShotRetake Retake => new(runtime, services.Store, services.Models, services.Intake);

    /// <summary>A signed link to an output of a store that cannot sign its own; the signature is the credential.</summary>
    public async Task<IResult> GetOutputAsync(HttpRequest request, string id, string file, CancellationToken cancellationToken)
    {
        if (!StoreLayout.IsValidId(id) || !services.Links.Verify(id, file, request.Query["expires"], request.Query["sig"]))
        {
            return ApiProblems.Forbidden(request, "The link is not signed for this file, or it has expired: ask GET /api/films/{id} for a fresh one.");
        }

        string name;
        try
        {
            name = StoreLayout.FilmOutput(id, file);
        }
        catch (ArgumentException)
        {
            return ApiProblems.NotFound(request, $"'{file}' is not an output name.");
        }

        return await services.Store.ExistsAsync(name, cancellationToken)
            ? Results.Stream(await services.Store.OpenReadAsync(name, cancellationToken), ContentTypes.Of(file), file, enableRangeProcessing: true)
            : ApiProblems.NotFound(request, $"Film {id} has no output '{file}'.");
    }

    public IResult ListModels() => Results.Json(services.Models.All.Select(ModelListing.Of).ToList(), WorkflowJson.Options);

    public static IResult OpenApiDocument() => Results.Text(ApiDocument.Json, "application/json");

    /// <summary>Healthy when the clip store answers (the one dependency every request has).</summary>
    public async Task<IResult> HealthAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await services.Store.ExistsAsync(StoreLayout.FilmOutput("health", "probe"), cancellationToken);
            return Results.Json(new { status = "healthy" }, WorkflowJson.Options);
        }
        catch (Exception error) when (error is IOException or HttpRequestException or global::Azure.RequestFailedException or UnauthorizedAccessException)
        {
            // Where the store is and why it fails are the operator's: they go to the log, not the (anonymous) answer.
            services.LoggerFactory.CreateLogger<FilmApi>().LogWarning(error, "Health: the clip store {Store} does not answer", services.Store.Describe());
            return ApiProblems.Unavailable(request, "The clip store does not answer.");
        }
    }
}
