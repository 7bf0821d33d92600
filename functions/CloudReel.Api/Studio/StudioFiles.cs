using System.Reflection;
using CloudReel.Core.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Api.Studio;

/// <summary>
/// The studio (the web dashboard): plain HTML, CSS and JavaScript modules embedded in this assembly
/// (Studio/wwwroot), so every host that has the API has the studio, with nothing to build or download.
/// It holds no secret: the page asks for the API key and keeps it in the tab's sessionStorage, and talks
/// only to the API. `cloudreel serve` serves it at /studio/ (and / leads there); the Functions app at /api/studio/.
/// </summary>
public static class StudioFiles
{
    private const string ResourcePrefix = "studio/";
    private static readonly Assembly Assembly = typeof(StudioFiles).Assembly;

    /// <summary>What the page may load and talk to: itself, and https links the store signs (clips, renditions).</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob: data: https:; media-src 'self' blob: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Every file of the studio, by name (e.g. "app.js").</summary>
    public static IReadOnlyList<string> Names { get; } = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..]).Order(StringComparer.Ordinal).ToList();

    /// <summary>`cloudreel serve`: GET / leads to /studio/, where the studio's files are.</summary>
    public static IEndpointRouteBuilder MapStudio(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/studio/"));
        app.MapGet("/studio/{**file}", (HttpRequest request, string? file) => Serve(request, file));
        return app;
    }

    /// <summary>One file of the studio (index.html for the folder itself, which must end in '/' for its relative links), or 404.</summary>
    public static IResult Serve(HttpRequest request, string? file)
    {
        if (string.IsNullOrEmpty(file) && !(request.Path.Value ?? "").EndsWith('/')) return Results.Redirect(request.PathBase + request.Path + "/");
        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        var stream = Names.Contains(name, StringComparer.Ordinal) ? Assembly.GetManifestResourceStream(ResourcePrefix + name) : null;
        if (stream is null) return Results.NotFound();

        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Stream(stream, TypeOf(name));
    }

    private static string TypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => ContentTypes.Of(name),
    };
}
