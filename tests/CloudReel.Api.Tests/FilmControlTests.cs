using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudReel.Api.Tests.Support;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Api.Tests;

public sealed class FilmControlTests : IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Get_RunningFilm_ShowsStageShotsAndCostsSoFar()
    {
        _server.Runtime.Set("promo-1", WorkflowStatus.Running, new FilmProgress(FilmStages.Generate, 1, 2, 0, null, 0.70m, "USD"));
        _server.Runtime.SetShot("promo-1", Input("quay", "mock"), WorkflowStatus.Completed, null,
            new ShotOutcome { ShotId = "quay", Source = ShotSource.Generated, Model = "mock", Clip = new ClipRecord { ContentKey = Key('a'), Model = "mock", ModelVersion = "1", Prompt = "p", RequestedSeconds = 4, Sha256 = "x", Bytes = 1, Probe = new ClipProbe(4, 320, 180, 30, "h264", false), Cost = 0.40m, CreatedUtc = DateTime.UnixEpoch },
              Attempts = [new AttemptRecord("mock", Key('a'), "j1", AttemptResult.Succeeded, Cost: 0.40m)] });
        _server.Runtime.SetShot("promo-1", Input("lamps", "mock"), WorkflowStatus.Running, new ShotProgress("lamps", "generating", "mock", 40));

        var status = await _server.Client.GetFromJsonAsync<JsonElement>("api/films/promo-1");

        status.GetProperty("status").GetString().Should().Be("running");
        status.GetProperty("stage").GetString().Should().Be("generate");
        status.GetProperty("shots").GetProperty("done").GetInt32().Should().Be(1);
        status.GetProperty("shots").GetProperty("total").GetInt32().Should().Be(2);
        status.GetProperty("cost").GetProperty("estimated").GetDecimal().Should().Be(0.70m);
        status.GetProperty("cost").GetProperty("actual").GetDecimal().Should().Be(0.40m);
        var lamps = status.GetProperty("shotDetails").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "lamps");
        lamps.GetProperty("state").GetString().Should().Be("generating");
        lamps.GetProperty("percent").GetInt32().Should().Be(40);
        status.GetProperty("links").GetProperty("cancel").GetString().Should().EndWith("/api/films/promo-1/cancel");
        status.GetProperty("links").TryGetProperty("approve", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Get_FailedFilm_GivesTheReasonWithoutTheEnginesPrefix()
    {
        _server.Runtime.Set("promo-2", WorkflowStatus.Failed, new FilmProgress(FilmStages.Failed, 0, 2, 0), failure: "Film promo-2 failed: 1 of 2 shot(s) failed: lamps: mock: moderation");

        var status = await _server.Client.GetFromJsonAsync<JsonElement>("api/films/promo-2");

        status.GetProperty("status").GetString().Should().Be("failed");
        status.GetProperty("error").GetString().Should().Be("1 of 2 shot(s) failed: lamps: mock: moderation");
    }

    [Theory]
    [InlineData("no-such-film")]
    [InlineData("Not_An_Id")]
    [InlineData("promo-1.shot.quay")]
    public async Task Get_UnknownFilm_Answers404Problem(string id)
    {
        _server.Runtime.SetShot("promo-1", Input("quay", "mock"), WorkflowStatus.Running);

        var response = await _server.Client.GetAsync($"api/films/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Approve_FilmWaitingAtTheGate_RaisesTheDecision()
    {
        _server.Runtime.Set("promo-3", WorkflowStatus.Running, new FilmProgress(FilmStages.Approval, 0, 2, 0));

        var response = await _server.Client.PostAsJsonAsync("api/films/promo-3/approve", new { approved = false, by = "li", comment = "too dark" });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("rejected");
        _server.Runtime.Raised.Should().Equal(("promo-3", FilmEvents.StoryboardApproved, (object?)new ApprovalDecision(false, "li", "too dark")));
    }

    [Fact]
    public async Task Approve_EmptyBody_Approves()
    {
        _server.Runtime.Set("promo-4", WorkflowStatus.Running, new FilmProgress(FilmStages.Approval, 0, 2, 0));

        var response = await _server.Client.PostAsync("api/films/promo-4/approve", null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _server.Runtime.Raised.Single().Payload.Should().Be(new ApprovalDecision(true));
    }

    [Fact]
    public async Task Approve_FilmNotAtTheGate_Answers409AndRaisesNothing()
    {
        _server.Runtime.Set("promo-5", WorkflowStatus.Running, new FilmProgress(FilmStages.Generate, 0, 2, 0));

        var response = await _server.Client.PostAsync("api/films/promo-5/approve", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("stage generate");
        _server.Runtime.Raised.Should().BeEmpty();
    }

    [Fact]
    public async Task Cancel_RunningFilm_TerminatesItAndGivesBackTheSlotsItsShotsHeld()
    {
        _server.Runtime.Set("promo-6", WorkflowStatus.Running, new FilmProgress(FilmStages.Generate, 0, 2, 0));
        var running = Input("lamps", "sora-2", group: "azure-openai:res", capacity: 1);
        _server.Runtime.SetShot("promo-6", running, WorkflowStatus.Running, new ShotProgress("lamps", "generating", "sora-2"));
        await _server.Slots.TryAcquireAsync("azure-openai:res", running.Chain[0].ContentKey, 1);

        var response = await _server.Client.PostAsync("api/films/promo-6/cancel", null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _server.Runtime.Terminated.Should().Equal(("promo-6", "cancelled through the API"));
        (await _server.Slots.TryAcquireAsync("azure-openai:res", Key('z'), 1)).Should().BeTrue("the cancelled shot's job slot is free for other films at once");
        (await _server.Client.GetFromJsonAsync<JsonElement>("api/films/promo-6")).GetProperty("status").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task Cancel_EndedFilm_Answers409()
    {
        _server.Runtime.Set("promo-7", WorkflowStatus.Completed, new FilmProgress(FilmStages.Completed, 2, 2, 0));

        var response = await _server.Client.PostAsync("api/films/promo-7/cancel", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        _server.Runtime.Terminated.Should().BeEmpty();
    }

    [Fact]
    public async Task Regenerate_FilmStillRunning_Answers409()
    {
        _server.Runtime.Set("promo-8", WorkflowStatus.Running, new FilmProgress(FilmStages.Generate, 0, 2, 0));

        var response = await _server.Client.PostAsync("api/films/promo-8/shots/quay/regenerate", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        _server.Runtime.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task Regenerate_UnknownShot_Answers404NamingTheShots()
    {
        _server.Runtime.Set("promo-9", WorkflowStatus.Completed, new FilmProgress(FilmStages.Completed, 1, 1, 0));
        await _server.Store.PutTextAsync("films/promo-9/storyboard.yaml", "title: Promo\nmodel: mock\nshots:\n  - id: quay\n    prompt: Boats\n    seconds: 4\n", "application/yaml", overwrite: true);

        var response = await _server.Client.PostAsync("api/films/promo-9/shots/tower/regenerate", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("its shots: quay");
    }

    [Fact]
    public async Task Regenerate_EndedFilm_StartsANewFilmWithOnlyThatShotsSeedChanged()
    {
        _server.Runtime.Set("promo-10", WorkflowStatus.Completed, new FilmProgress(FilmStages.Completed, 2, 2, 0));
        await _server.Store.PutTextAsync("films/promo-10/storyboard.yaml",
            "title: Promo\nmodel: mock\nshots:\n  - id: quay\n    prompt: Boats\n    seconds: 4\n    seed: 7\n  - id: lamps\n    prompt: Lanterns\n    seconds: 3\n    seed: 9\n",
            "application/yaml", overwrite: true);

        var response = await _server.Client.PostAsJsonAsync("api/films/promo-10/shots/lamps/regenerate", new { seed = 1234 });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("regenerationOf").GetString().Should().Be("promo-10");
        body.GetProperty("seed").GetInt64().Should().Be(1234);
        var started = _server.Runtime.Started.Should().ContainSingle().Which;
        var order = await _server.Store.ReadTextAsync(started.OrderName);
        order.Should().Contain("seed: 7").And.Contain("seed: 1234").And.NotContain("seed: 9");
    }

    private static string Key(char c) => new(c, 64);

    private static ShotInput Input(string shotId, string model, string? group = null, int capacity = 0) => new(
        "promo", shotId,
        [new ModelAttempt(model, "1", new ShotRequest { Prompt = "p", ShotText = "p", Seconds = 4, Size = new FrameSize(320, 180) }, Key(shotId[0]), 0.4m, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30), group, capacity)]);
}
