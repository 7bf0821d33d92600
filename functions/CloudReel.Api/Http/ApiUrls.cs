using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Http;

/// <summary>Absolute links back into the API, from the request that asked.</summary>
public static class ApiUrls
{
    public static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string Film(HttpRequest request, string filmId) => $"{Base(request)}/api/films/{filmId}";
}
