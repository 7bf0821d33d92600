using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CloudReel.Api.Tests.Support;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Api.Tests;

/// <summary>One body limit and one answer for every route: 413 with problem details, never an empty answer or an unhandled exception.</summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync(new ApiOptions { MaxOrderBytes = 2048 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("api/events")]
    [InlineData("api/films/ended-1/shots/quay/regenerate")]
    [InlineData("api/films/waiting-1/approve")]
    public async Task Post_BodyOverTheLimit_Answers413WithProblemDetails(string route)
    {
        _server.Runtime.Set("waiting-1", WorkflowStatus.Running, new FilmProgress(FilmStages.Approval, 0, 1, 0));
        _server.Runtime.Set("ended-1", WorkflowStatus.Completed, new FilmProgress(FilmStages.Completed, 1, 1, 0));
        await _server.Store.PutTextAsync("films/ended-1/storyboard.yaml", "title: Promo\nmodel: mock\nshots:\n  - id: quay\n    prompt: Boats\n    seconds: 4\n", "application/yaml", overwrite: true);
        var body = "[" + string.Join(',', Enumerable.Repeat("{\"id\":\"" + new string('x', 100) + "\"}", 100)) + "]";

        // Chunked, so no Content-Length tells the server early: the limit holds on the bytes read.
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await _server.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().Should().Be("urn:cloudreel:problem:too-large");
    }
}
