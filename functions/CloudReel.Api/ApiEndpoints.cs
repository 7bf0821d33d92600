using CloudReel.Api.Control;
using CloudReel.Api.Events;
using CloudReel.Api.Http;
using CloudReel.Azure.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Api;

/// <summary>
/// Maps <see cref="ApiRoutes"/> onto Kestrel for `cloudreel serve` (the Functions app declares the
/// same routes as HTTP triggers). Every route but the anonymous ones needs the API key.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapFilmApi(this IEndpointRouteBuilder app, FilmApi api, ApiKeyCheck keys, InboundEventParser parser)
    {
        var limit = BodyLimit(api.MaxBodyBytes);
        Map(app, ApiRoutes.SubmitFilm, keys, BodyLimit(Math.Max(api.MaxBodyBytes, api.MaxUploadBytes)), (HttpRequest r, CancellationToken c) => api.SubmitAsync(r, c));
        Map(app, ApiRoutes.GetFilm, keys, limit, (HttpRequest r, string id, CancellationToken c) => api.GetAsync(r, id, c));
        Map(app, ApiRoutes.ApproveFilm, keys, limit, (HttpRequest r, string id, CancellationToken c) => api.ApproveAsync(r, id, c));
        Map(app, ApiRoutes.RegenerateShot, keys, limit, (HttpRequest r, string id, string shotId, CancellationToken c) => api.RegenerateAsync(r, id, shotId, c));
        Map(app, ApiRoutes.CancelFilm, keys, limit, (HttpRequest r, string id, CancellationToken c) => api.CancelAsync(r, id, c));
        Map(app, ApiRoutes.GetOutput, keys, limit, (HttpRequest r, string id, string file, CancellationToken c) => api.GetOutputAsync(r, id, file, c));
        Map(app, ApiRoutes.SubmitBatch, keys, limit, (HttpRequest r, CancellationToken c) => api.Batches.SubmitAsync(r, c));
        Map(app, ApiRoutes.GetBatch, keys, limit, (HttpRequest r, string id, CancellationToken c) => api.Batches.GetAsync(r, id, c));
        Map(app, ApiRoutes.CancelBatch, keys, limit, (HttpRequest r, string id, CancellationToken c) => api.Batches.CancelAsync(r, id, c));
        Map(app, ApiRoutes.ListModels, keys, limit, () => api.ListModels());
        Map(app, ApiRoutes.OpenApi, keys, limit, () => FilmApi.OpenApiDocument());
        Map(app, ApiRoutes.Health, keys, limit, (HttpRequest r, CancellationToken c) => api.HealthAsync(r, c));
        Map(app, ApiRoutes.ListFilms, keys, limit, (CancellationToken c) => api.ListFilmsAsync(c));
        Map(app, ApiRoutes.GetStoryboard, keys, limit, (HttpRequest r, string id, CancellationToken c) => api.GetStoryboardAsync(r, id, c));
        Map(app, ApiRoutes.EditShot, keys, limit, (HttpRequest r, string id, string shotId, CancellationToken c) => api.EditShotAsync(r, id, shotId, c));
        Map(app, ApiRoutes.ReplaceShotPicture, keys, BodyLimit(ShotPictures.MaxBytes), (HttpRequest r, string id, string shotId, CancellationToken c) => api.ReplaceShotPictureAsync(r, id, shotId, c));
        Map(app, ApiRoutes.ReplaceShotClip, keys, BodyLimit(ShotOwnClips.MaxBytes), (HttpRequest r, string id, string shotId, CancellationToken c) => api.ReplaceShotClipAsync(r, id, shotId, c));
        Map(app, ApiRoutes.GetShotClip, keys, limit, (HttpRequest r, string id, string shotId, CancellationToken c) => api.GetShotClipAsync(r, id, shotId, c));

        var events = api.Events;
        app.MapMethods(ApiRoutes.ServeEvents.Pattern, ["POST", "OPTIONS"], (HttpRequest r, CancellationToken c) => EventGridWebhook.ReceiveAsync(r, events, parser, c))
            .AddEndpointFilter(limit)
            .AddEndpointFilter(KeyFilter(keys))
            .WithName(ApiRoutes.ServeEvents.OperationId);
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, ApiRoute route, ApiKeyCheck keys, Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> limit, Delegate handler)
    {
        var endpoint = app.MapMethods(route.Pattern, [route.Method], handler).WithName(route.OperationId).AddEndpointFilter(limit);
        if (!route.Anonymous) endpoint.AddEndpointFilter(KeyFilter(keys));
    }

    /// <summary>
    /// One body limit for every route, and one answer past it: 413 with problem details. Kestrel stops
    /// reading at the limit; without this its refusal would surface as an unhandled exception and an empty 413.
    /// </summary>
    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> BodyLimit(int maxBytes) => async (context, next) =>
    {
        var http = context.HttpContext;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = maxBytes;
        try
        {
            return await next(context);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.TooLarge(http.Request, maxBytes);
        }
    };

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> KeyFilter(ApiKeyCheck keys) =>
        async (context, next) => keys.IsAuthorized(context.HttpContext.Request) ? await next(context) : ApiProblems.Unauthorized(context.HttpContext.Request);
}
