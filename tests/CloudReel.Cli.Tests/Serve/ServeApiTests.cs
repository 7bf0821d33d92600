using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Serve;

/// <summary>The API contract against `cloudreel serve`: real engine, journal, FFmpeg and animatic, over HTTP on 127.0.0.1.</summary>
public sealed class ServeApiTests : IAsyncLifetime, IDisposable
{
    private const string TwoShots = """
        title: Harbour Lights
        resolution: 180p
        model: animatic
        languages: [en]
        shots:
          - id: quay
            prompt: Fishing boats at the quay at dawn
            seconds: 1.5
            caption: Dawn at the quay
          - id: lamps
            prompt: Lanterns lit along the harbour wall
            seconds: 1.5
        """;

    private readonly Workspace _workspace = new();
    private ServeSession _serve = null!;

    public async Task InitializeAsync() => _serve = await ServeSession.StartAsync(_workspace);

    public async Task DisposeAsync() => await _serve.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Submit_TheWholeFilmOverHttp_EndsWithOutputsBehindSignedLinks_AndARegeneratedShotReusesTheOther()
    {
        var filmId = await _serve.SubmitAsync(TwoShots);
        var done = await _serve.EndedAsync(filmId);

        done.GetProperty("status").GetString().Should().Be("completed", done.ToString());
        done.GetProperty("shots").GetProperty("done").GetInt32().Should().Be(2);
        done.GetProperty("shotDetails").EnumerateArray().Select(s => s.GetProperty("state").GetString()).Should().Equal("generated", "generated");
        done.GetProperty("cost").GetProperty("actual").GetDecimal().Should().Be(0m);
        var film = done.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "harbour-lights.16x9.mp4");
        using var anonymous = new HttpClient();
        var bytes = await anonymous.GetByteArrayAsync(film.GetProperty("url").GetString());
        bytes.Should().Equal(await File.ReadAllBytesAsync(Path.Combine(_workspace.FilmFolder(filmId), "harbour-lights.16x9.mp4")), "the signed link serves the film itself");
        (await anonymous.GetAsync(film.GetProperty("url").GetString()!.Replace("sig=", "sig=x", StringComparison.Ordinal))).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var retake = await _serve.Client.PostAsJsonAsync($"api/films/{filmId}/shots/lamps/regenerate", new { seed = 77 });
        retake.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var retakeId = (await retake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var again = await _serve.EndedAsync(retakeId);

        again.GetProperty("status").GetString().Should().Be("completed", again.ToString());
        again.GetProperty("shotDetails").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("state").GetString())
            .Should().Equal(new Dictionary<string, string?> { ["quay"] = "cached", ["lamps"] = "generated" });
        again.GetProperty("shots").GetProperty("fromCache").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Regenerate_OneShotOverHttp_ReencodesOnlyThatShotsChunks_AndReusesTheRestOfTheFilm()
    {
        const string threeShots = """
            title: Harbour Cuts
            resolution: 180p
            model: animatic
            transition: cut
            languages: [en]
            shots:
              - {id: quay, prompt: Fishing boats at the quay at dawn, seconds: 1.5, caption: Dawn at the quay}
              - {id: lamps, prompt: Lanterns lit along the harbour wall, seconds: 1.5, caption: Lanterns}
              - {id: gulls, prompt: Gulls over the breakwater, seconds: 1.5, caption: Gulls}
            """;
        var filmId = await _serve.SubmitAsync(threeShots);
        (await _serve.EndedAsync(filmId)).GetProperty("status").GetString().Should().Be("completed");

        var retake = await _serve.Client.PostAsJsonAsync($"api/films/{filmId}/shots/lamps/regenerate", new { seed = 78 });
        var retakeId = (await retake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await _serve.EndedAsync(retakeId)).GetProperty("status").GetString().Should().Be("completed");

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_workspace.FilmFolder(retakeId), "report.json")));
        var assembly = report.RootElement.GetProperty("assembly");
        var film = assembly.GetProperty("renditions").EnumerateArray().Single(r => r.GetProperty("file").GetString() == "harbour-cuts.16x9.mp4");
        (film.GetProperty("chunks").GetInt32(), film.GetProperty("encoded").GetInt32(), film.GetProperty("reused").GetInt32())
            .Should().Be((3, 1, 2), "the quay's and the gulls' chunks come from the first film");
        film.GetProperty("secondsSaved").GetDouble().Should().BePositive();
        assembly.GetProperty("soundReused").GetBoolean().Should().BeTrue("nothing audible changed");
        (await Probe.StreamsAsync(Path.Combine(_workspace.FilmFolder(retakeId), "harbour-cuts.16x9.mp4"))).VideoFrames.Should().Be(3 * 45);
    }

    [Fact]
    public async Task Status_AFilmStartedOverHttp_IsKnownToTheCommandWithItsTitleAndOrder()
    {
        var filmId = await _serve.SubmitAsync(TwoShots);
        await _serve.EndedAsync(filmId);

        var list = await _workspace.Cli.RunAsync("status");
        var detail = await _workspace.Cli.RunAsync("status", filmId);

        list.Stdout.Should().Contain(filmId).And.Contain("completed").And.Contain("Harbour Lights");
        detail.ExitCode.Should().Be(0, detail.ToString());
        detail.Stdout.Should().Contain($"orders/{filmId}/").And.Contain("shot quay");
    }

    [Fact]
    public async Task Approve_FilmWaitingAtTheGate_EvenAcrossARestartOfServe_GoesOnToTheEnd()
    {
        var filmId = await _serve.SubmitAsync(TwoShots.Replace("model: animatic", "model: animatic\napproval: true", StringComparison.Ordinal));
        var waiting = await _serve.WaitAsync(filmId, s => s.GetProperty("awaitingApproval").GetBoolean(), "to the approval gate");
        waiting.GetProperty("links").GetProperty("approve").GetString().Should().EndWith($"/api/films/{filmId}/approve");

        await _serve.DisposeAsync();
        _serve = await ServeSession.StartAsync(_workspace);
        var approve = await _serve.Client.PostAsJsonAsync($"api/films/{filmId}/approve", new { approved = true, by = "li" });

        _serve.Host.Resumed.Should().Equal(filmId);
        approve.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await _serve.EndedAsync(filmId)).GetProperty("status").GetString().Should().Be("completed");
        (await _serve.Client.PostAsync($"api/films/{filmId}/approve", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancel_RunningFilm_EndsItCancelled_AndASecondCancelConflicts()
    {
        var filmId = await _serve.SubmitAsync(TestOrders.Slow(4));
        await _serve.WaitAsync(filmId, s => s.GetProperty("stage").GetString() == "generate", "to generating");

        var cancel = await _serve.Client.PostAsync($"api/films/{filmId}/cancel", null);
        var ended = await _serve.EndedAsync(filmId);

        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted);
        ended.GetProperty("status").GetString().Should().Be("cancelled");
        ended.GetProperty("error").GetString().Should().Be("cancelled through the API");
        ended.GetProperty("shots").GetProperty("done").GetInt32().Should().BeLessThan(4);
        (await _serve.Client.PostAsync($"api/films/{filmId}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyTwice_IsOneFilmInTheJournal()
    {
        var first = await _serve.SubmitAsync(TwoShots, "promo-2026-11-21");
        var second = await _serve.SubmitAsync(TwoShots, "promo-2026-11-21");

        second.Should().Be(first);
        await _serve.EndedAsync(first);
        Directory.GetFiles(Path.Combine(_workspace.Root, "home", "store", "orders")).Should().BeEmpty();
        Directory.GetDirectories(Path.Combine(_workspace.Root, "home", "store", "orders")).Select(Path.GetFileName)
            .Should().BeEquivalentTo(first, "_idempotency");
    }

    [Fact]
    public async Task Requests_BadOrderUnknownFilmAndKeys_AnswerProblemDetails()
    {
        var bad = await _serve.Client.PostAsync("api/films", new StringContent("title: x\nmodel: animatic\nshots:\n  - id: a\n    prompt: b\n    camera: zoom\n", System.Text.Encoding.UTF8, "application/yaml"));
        var unknown = await _serve.Client.GetAsync("api/films/no-such-film");
        using var noKey = new HttpClient { BaseAddress = _serve.Client.BaseAddress };
        var missing = await noKey.GetAsync("api/models");
        noKey.DefaultRequestHeaders.Add("x-api-key", "wrong");
        var wrong = await noKey.GetAsync("api/models");
        var health = await noKey.GetAsync("api/health");
        var models = await _serve.Client.GetFromJsonAsync<JsonElement>("api/models");

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        (error.GetProperty("field").GetString(), error.GetProperty("line").GetInt32()).Should().Be(("shots[0].camera", 6));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        health.StatusCode.Should().Be(HttpStatusCode.OK, "health needs no key");
        models.EnumerateArray().Should().Contain(m => m.GetProperty("name").GetString() == "animatic" && m.GetProperty("configured").GetBoolean());
    }
}
