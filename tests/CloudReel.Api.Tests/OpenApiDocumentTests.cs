using System.Net;
using System.Text.Json;
using CloudReel.Api.OpenApi;
using CloudReel.Api.Tests.Support;
using CloudReel.Azure.Tests.Support;

namespace CloudReel.Api.Tests;

public sealed class OpenApiDocumentTests
{
    private static readonly JsonElement Document = JsonDocument.Parse(ApiDocument.Json).RootElement;

    [Fact]
    public void Paths_AreExactlyTheApiRoutes_WithTheirMethodsAndOperationIds()
    {
        var described = Document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Method: op.Name.ToUpperInvariant(), Path: path.Name, Id: op.Value.GetProperty("operationId").GetString())))
            .ToList();

        described.Should().BeEquivalentTo(ApiRoutes.All.Select(r => (r.Method, Path: r.Pattern, Id: (string?)r.OperationId)));
    }

    [Fact]
    public void Security_AnonymousRoutesAlone_NeedNoKey()
    {
        foreach (var route in ApiRoutes.All)
        {
            var operation = Document.GetProperty("paths").GetProperty(route.Pattern).GetProperty(route.Method.ToLowerInvariant());
            var open = operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
            open.Should().Be(route.Anonymous, $"{route.Method} {route.Pattern} {(route.Anonymous ? "is" : "is not")} anonymous");
        }
    }

    [Fact]
    public async Task Lint_WithRedoclyRecommendedRules_FindsNoProblem()
    {
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, ApiDocument.Json);
        try
        {
            var (exit, output, errors) = await NodePeers.RunScriptAsync(
                "node_modules/@redocly/cli/bin/cli.js", ["lint", file, "--config", Path.Combine(NodePeers.Directory, "redocly.yaml"), "--format", "json"]);

            exit.Should().Be(0, output + errors);
            var report = JsonDocument.Parse(output).RootElement;
            report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()).Should().BeEmpty();
            report.GetProperty("totals").GetProperty("warnings").GetInt32().Should().Be(0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Served_IsTheDocument_AndEveryMappedRouteIsInIt()
    {
        await using var server = await ApiServer.StartAsync();

        var response = await server.Anonymous.GetAsync("api/openapi.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(ApiDocument.Json);
        var paths = Document.GetProperty("paths");
        foreach (var endpoint in server.Endpoints.Where(e => e.RoutePattern.RawText != ApiRoutes.ServeEvents.Pattern))
        {
            var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single();
            paths.TryGetProperty(endpoint.RoutePattern.RawText!, out var path).Should().BeTrue($"{endpoint.RoutePattern.RawText} is mapped");
            path.TryGetProperty(method.ToLowerInvariant(), out _).Should().BeTrue($"{method} {endpoint.RoutePattern.RawText} is mapped");
        }

        server.Endpoints.Should().HaveCount(ApiRoutes.All.Count + 1, "every route plus serve's Event Grid webhook");
    }

    [Fact]
    public void FunctionsRoute_DropsTheApiPrefixHostJsonAdds() =>
        ApiRoutes.RegenerateShot.FunctionsRoute.Should().Be("films/{id}/shots/{shotId}/regenerate");
}
