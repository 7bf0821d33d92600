namespace CloudReel.Api;

/// <summary>
/// Every route of the API, as both homes expose it: `cloudreel serve` maps these on Kestrel and the
/// Functions app declares one HTTP trigger per route (route prefix "api" from host.json). The
/// OpenAPI document describes exactly these; a test holds all three together.
/// </summary>
public static class ApiRoutes
{
    public static readonly ApiRoute SubmitFilm = new("POST", "/api/films", "submitFilm");
    public static readonly ApiRoute GetFilm = new("GET", "/api/films/{id}", "getFilm");
    public static readonly ApiRoute ApproveFilm = new("POST", "/api/films/{id}/approve", "approveFilm");
    public static readonly ApiRoute RegenerateShot = new("POST", "/api/films/{id}/shots/{shotId}/regenerate", "regenerateShot");
    public static readonly ApiRoute CancelFilm = new("POST", "/api/films/{id}/cancel", "cancelFilm");

    /// <summary>Signed links to outputs of a store that cannot sign its own (a folder); the signature is the credential.</summary>
    public static readonly ApiRoute GetOutput = new("GET", "/api/films/{id}/outputs/{file}", "getOutput", Anonymous: true);

    public static readonly ApiRoute SubmitBatch = new("POST", "/api/batches", "submitBatch");
    public static readonly ApiRoute GetBatch = new("GET", "/api/batches/{id}", "getBatch");
    public static readonly ApiRoute CancelBatch = new("POST", "/api/batches/{id}/cancel", "cancelBatch");

    public static readonly ApiRoute ListModels = new("GET", "/api/models", "listModels");
    public static readonly ApiRoute OpenApi = new("GET", "/api/openapi.json", "getOpenApi", Anonymous: true);
    public static readonly ApiRoute Health = new("GET", "/api/health", "getHealth", Anonymous: true);

    // The studio's routes (the web dashboard offers nothing the API does not).
    public static readonly ApiRoute ListFilms = new("GET", "/api/films", "listFilms");
    public static readonly ApiRoute GetStoryboard = new("GET", "/api/films/{id}/storyboard", "getStoryboard");
    public static readonly ApiRoute EditShot = new("POST", "/api/films/{id}/shots/{shotId}/edit", "editShot");
    public static readonly ApiRoute ReplaceShotPicture = new("POST", "/api/films/{id}/shots/{shotId}/picture", "replaceShotPicture");
    public static readonly ApiRoute ReplaceShotClip = new("POST", "/api/films/{id}/shots/{shotId}/clip", "replaceShotClip");

    /// <summary>Signed links to one shot's clip (a storyboard card plays it); the signature is the credential.</summary>
    public static readonly ApiRoute GetShotClip = new("GET", "/api/films/{id}/shots/{shotId}/clip", "getShotClip", Anonymous: true);

    public static IReadOnlyList<ApiRoute> All { get; } =
        [SubmitFilm, GetFilm, ApproveFilm, RegenerateShot, CancelFilm, GetOutput, SubmitBatch, GetBatch, CancelBatch, ListModels, OpenApi, Health,
         ListFilms, GetStoryboard, EditShot, ReplaceShotPicture, ReplaceShotClip, GetShotClip];

    /// <summary>`cloudreel serve` only: the Event Grid webhook (the Functions app takes the same events from its storage-events queue).</summary>
    public static readonly ApiRoute ServeEvents = new("POST", "/api/events", "receiveEvents");
}

/// <summary>One route: method, path template (ASP.NET Core syntax), OpenAPI operation id, and whether it needs no key.</summary>
public sealed record ApiRoute(string Method, string Pattern, string OperationId, bool Anonymous = false)
{
    /// <summary>The template as a Functions HTTP trigger's Route (without the "api/" prefix host.json adds).</summary>
    public string FunctionsRoute => Pattern["/api/".Length..];
}
