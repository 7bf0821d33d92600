using System.Text.Json;
using CloudReel.Functions.Http;
using CloudReel.Functions.Tests.Support;

namespace CloudReel.Functions.Tests;

/// <summary>The studio in the Functions app: its files at /api/studio/ without a key, and the films list over the Durable client.</summary>
public sealed class StudioFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    [Fact]
    public async Task Studio_TheFolderWithoutItsSlash_LeadsToIt_WhereThePageAndItsScriptsAre()
    {
        var bare = HttpCall.To("GET", "/api/studio");
        var index = HttpCall.To("GET", "/api/studio/");
        var script = HttpCall.To("GET", "/api/studio/app.js");

        var redirected = await bare.AnswerAsync(StudioFunctions.Studio(bare.Request, null));
        var page = await index.AnswerAsync(StudioFunctions.Studio(index.Request, null));
        var code = await script.AnswerAsync(StudioFunctions.Studio(script.Request, "app.js"));

        (redirected.Status, redirected.Location).Should().Be((302, "/api/studio/"), "the page's links are relative to its folder");
        page.ContentType.Should().StartWith("text/html");
        page.Body.Should().Contain("src=\"app.js\"");
        code.ContentType.Should().StartWith("text/javascript");
        (await AnswerAsync("nothing.js")).Status.Should().Be(404);
    }

    [Fact]
    public async Task ListFilms_AfterASubmission_ListsTheFilmByTitle()
    {
        var call = HttpCall.To("POST", "/api/films", "title: Listed Lights\nmodel: mock\nshots:\n  - {id: a, prompt: A quay, seconds: 2}\n", "application/yaml");
        var accepted = (await call.AnswerAsync(host.Api.SubmitFilm(call.Request, host.Client, CancellationToken.None))).Json<CloudReel.Api.Status.FilmAccepted>();

        var list = HttpCall.To("GET", "/api/films");
        var answer = await list.AnswerAsync(host.Studio.ListFilms(list.Request, host.Client, CancellationToken.None));

        answer.Status.Should().Be(200, answer.Body);
        var film = JsonDocument.Parse(answer.Body).RootElement.EnumerateArray().Single(f => f.GetProperty("id").GetString() == accepted.Id);
        film.GetProperty("title").GetString().Should().Be("Listed Lights");
        film.GetProperty("origin").GetString().Should().StartWith("POST /api/films");
    }

    private static async Task<HttpAnswer> AnswerAsync(string file)
    {
        var call = HttpCall.To("GET", "/api/studio/" + file);
        return await call.AnswerAsync(StudioFunctions.Studio(call.Request, file));
    }
}
