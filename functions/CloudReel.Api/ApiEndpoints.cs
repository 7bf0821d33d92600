using CloudReel.Api.Events;
using CloudReel.Api.Http;
using CloudReel.Azure.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        Map(app, ApiRoutes.SubmitFilm, keys, (HttpRequest r, CancellationToken c) => api.SubmitAsync(r, c));
        Map(app, ApiRoutes.GetFilm, keys, (HttpRequest r, string id, CancellationToken c) => api.GetAsync(r, id, c));
        Map(app, ApiRoutes.ApproveFilm, keys, (HttpRequest r, string id, CancellationToken c) => api.ApproveAsync(r, id, c));
        Map(app, ApiRoutes.RegenerateShot, keys, (HttpRequest r, string id, string shotId, CancellationToken c) => api.RegenerateAsync(r, id, shotId, c));
        Map(app, ApiRoutes.CancelFilm, keys, (HttpRequest r, string id, CancellationToken c) => api.CancelAsync(r, id, c));
        Map(app, ApiRoutes.GetOutput, keys, (HttpRequest r, string id, string file, CancellationToken c) => api.GetOutputAsync(r, id, file, c));
        Map(app, ApiRoutes.ListModels, keys, () => api.ListModels());
        Map(app, ApiRoutes.OpenApi, keys, () => FilmApi.OpenApiDocument());
        Map(app, ApiRoutes.Health, keys, (HttpRequest r, CancellationToken c) => api.HealthAsync(r, c));

        var events = api.Events;
        app.MapMethods(ApiRoutes.ServeEvents.Pattern, ["POST", "OPTIONS"], (HttpRequest r, CancellationToken c) => EventGridWebhook.ReceiveAsync(r, events, parser, c))
            .AddEndpointFilter(KeyFilter(keys))
            .WithName(ApiRoutes.ServeEvents.OperationId);
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, ApiRoute route, ApiKeyCheck keys, Delegate handler)
    {
        var endpoint = app.MapMethods(route.Pattern, [route.Method], handler).WithName(route.OperationId);
        if (!route.Anonymous) endpoint.AddEndpointFilter(KeyFilter(keys));
    }

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> KeyFilter(ApiKeyCheck keys) =>
        async (context, next) => keys.IsAuthorized(context.HttpContext.Request) ? await next(context) : ApiProblems.Unauthorized(context.HttpContext.Request);
}
