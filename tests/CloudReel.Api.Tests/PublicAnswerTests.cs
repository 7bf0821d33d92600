using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudReel.Api.Tests.Support;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Api.Tests;

/// <summary>Public answers say what failed in the user's terms: no store paths, engine internals or .NET type names.</summary>
public sealed class PublicAnswerTests : IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Health_WithoutAKey_SaysHealthyAndNothingAboutTheStore()
    {
        var body = await _server.Anonymous.GetFromJsonAsync<JsonElement>("api/health");

        body.GetProperty("status").GetString().Should().Be("healthy");
        body.TryGetProperty("store", out _).Should().BeFalse("where the store lives is no one's business but the operator's");
    }

    [Fact]
    public async Task Get_FilmFailedInFfmpeg_GivesTheFailureWithoutStderrOrPaths()
    {
        _server.Runtime.Set("promo-3", WorkflowStatus.Failed, new FilmProgress(FilmStages.Failed, 0, 2, 0), failure:
            "Film promo-3 failed: ffmpeg failed with exit code 1:\n[in#0 @ 0x55d1] Error opening input: /srv/cloudreel/.cloudreel/store/clips/abc.mp4: Invalid data found\nError opening input file /srv/cloudreel/.cloudreel/scratch/x/list.txt.");

        var status = await _server.Client.GetFromJsonAsync<JsonElement>("api/films/promo-3");

        var error = status.GetProperty("error").GetString();
        error.Should().Contain("ffmpeg failed with exit code 1").And.NotContain("/srv/").And.NotContain("0x55d1").And.NotContain("Invalid data");
    }

    [Theory]
    [InlineData("{\"seed\": \"forty-two\"}")]
    [InlineData("{\"seed\": 1.5}")]
    [InlineData("{\"seed\": true}")]
    [InlineData("[42]")]
    public async Task Regenerate_SeedOfTheWrongType_SaysWhatIsExpectedWithoutATypeName(string body)
    {
        _server.Runtime.Set("promo-11", WorkflowStatus.Completed, new FilmProgress(FilmStages.Completed, 1, 1, 0));
        await _server.Store.PutTextAsync("films/promo-11/storyboard.yaml", "title: Promo\nmodel: mock\nshots:\n  - id: quay\n    prompt: Boats\n    seconds: 4\n", "application/yaml", overwrite: true);

        var response = await _server.Client.PostAsync("api/films/promo-11/shots/quay/regenerate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        detail.Should().Contain("seed").And.NotContain("System.").And.NotContain("CloudReel.").And.NotContain("Nullable");
    }
}
