using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CloudReel.Api.Tests.Support;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Api.Tests;

/// <summary>The routes the studio uses beside the film routes: list, dry run, storyboard, shot clips, edit a shot, replace it with a picture or a clip.</summary>
public sealed class StudioRouteTests : IAsyncLifetime
{
    private const string Storyboard =
        "title: Promo\nmodel: mock\nlanguages: [en, zh-CN]\nshots:\n"
        + "  - id: quay\n    prompt: Boats at the quay\n    seconds: 4\n    seed: 7\n    caption: {en: The quay, zh-CN: 码头}\n"
        + "  - id: lamps\n    prompt: Lanterns\n    seconds: 3\n    seed: 9\n    caption: {en: Lamps, zh-CN: 灯}\n";

    /// <summary>The first bytes of an MP4 (an ftyp box): enough for the sniffing here (this server reads no file through FFmpeg).</summary>
    private static readonly byte[] Mp4 = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2avc1mp41"u8];

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==");

    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ListFilms_ListsFilmsNewestFirst_WithTitleAndStage_AndNoShots()
    {
        Film("first-1", "First", DateTime.UnixEpoch.AddMinutes(1));
        Film("second-2", "Second", DateTime.UnixEpoch.AddMinutes(2));
        _server.Runtime.SetShot("first-1", Input("a"), WorkflowStatus.Running);

        var films = await _server.Client.GetFromJsonAsync<JsonElement>("api/films");

        films.EnumerateArray().Select(f => f.GetProperty("title").GetString()).Should().Equal("Second", "First");
        films[0].GetProperty("status").GetString().Should().Be("running");
        films[0].GetProperty("stage").GetString().Should().Be("approval");
        films[0].GetProperty("awaitingApproval").GetBoolean().Should().BeTrue();
        films[0].GetProperty("origin").GetString().Should().Be("tests");
        films[0].GetProperty("estimatedCost").GetDecimal().Should().Be(0.6m);
        (await _server.Anonymous.GetAsync("api/films")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DryRun_ValidOrder_PricesEveryShot_AndStartsNothing()
    {
        var response = await _server.Client.PostAsync("api/films?dryRun=true",
            ApiServer.Yaml("title: Promo\nmodel: mock\nbudget: 0.5\nshots:\n  - id: a\n    prompt: A\n    seconds: 2\n  - id: b\n    prompt: B\n    seconds: 4\n"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var estimate = await response.Content.ReadFromJsonAsync<JsonElement>();
        estimate.GetProperty("shots").EnumerateArray().Select(s => s.GetProperty("estimatedCost").GetDecimal()).Should().Equal(0.20m, 0.40m);
        estimate.GetProperty("estimatedCost").GetDecimal().Should().Be(0.60m);
        estimate.GetProperty("overBudget").GetBoolean().Should().BeTrue();
        _server.Runtime.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task DryRun_InvalidOrder_AnswersTheErrorsAtTheirLines()
    {
        var response = await _server.Client.PostAsync("api/films?dryRun=true", ApiServer.Yaml("title: Promo\nmodel: mock\nshots:\n  - id: a\n    prompt: A\n    seconds: 99\n"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        error.GetProperty("line").GetInt32().Should().Be(6);
        error.GetProperty("field").GetString().Should().Be("shots[0].seconds");
    }

    [Fact]
    public async Task Submit_OrderWithItsPictureAsMultipart_StagesThePictureWithTheFilm()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("title: Upload\nmodel: mock\nshots:\n  - id: a\n    prompt: A\n    seconds: 2\n    image: refs/quay.png\n"), "order", "order.yaml" },
            { new ByteArrayContent(Png), "quay.png", "quay.png" },
        };

        var response = await _server.Client.PostAsync("api/films", form);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = _server.Runtime.Started.Single();
        using var staged = await _server.Store.OpenReadAsync(StoreLayout.OrderFile(started.FilmId, "refs/quay.png"));
        using var copy = new MemoryStream();
        await staged.CopyToAsync(copy);
        copy.ToArray().Should().Equal(Png, "a file sent with the order is found by its name");
    }

    [Fact]
    public async Task Submit_MultipartWithoutTheFileItNames_AnswersTheErrorAtItsLine()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("title: Upload\nmodel: mock\nshots:\n  - id: a\n    prompt: A\n    seconds: 2\n    image: refs/quay.png\n"), "order", "order.yaml" },
            { new ByteArrayContent(Png), "other.png", "other.png" },
        };

        var response = await _server.Client.PostAsync("api/films?dryRun=true", form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()).Should().Be((7, "shots[0].image"));
        (await response.Content.ReadAsStringAsync()).Should().NotContain("orders container", "the hint for orders sent without files does not apply");
    }

    [Fact]
    public async Task Submit_MultipartWithoutAnOrder_IsRefused()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "quay.png", "quay.png" } };

        var response = await _server.Client.PostAsync("api/films", form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("no part named 'order'");
    }

    [Fact]
    public async Task Storyboard_EndedFilm_GivesEveryShotWithCaptions_AndASignedClipLinkThatPlaysWithoutAKey()
    {
        await EndedFilmAsync("promo-1");
        var key = new string('c', 64);
        await _server.Store.PutTextAsync(StoreLayout.Clip(key), "not really an mp4", "video/mp4", overwrite: true);
        _server.Runtime.SetShot("promo-1", Input("quay"), WorkflowStatus.Completed, null, new ShotOutcome
        {
            ShotId = "quay", Source = ShotSource.Cache, Model = "mock",
            Clip = new ClipRecord { ContentKey = key, Model = "mock", ModelVersion = "1", Prompt = "p", RequestedSeconds = 4, Sha256 = "x", Bytes = 1, Probe = new ClipProbe(4, 320, 180, 30, "h264", false), Cost = 0, CreatedUtc = DateTime.UnixEpoch },
        });

        var storyboard = await _server.Client.GetFromJsonAsync<JsonElement>("api/films/promo-1/storyboard");

        storyboard.GetProperty("canRetake").GetBoolean().Should().BeTrue();
        var shots = storyboard.GetProperty("shots").EnumerateArray().ToList();
        shots.Select(s => s.GetProperty("id").GetString()).Should().Equal("quay", "lamps");
        shots[0].GetProperty("captions").GetProperty("zh-CN").GetString().Should().Be("码头");
        shots[0].GetProperty("source").GetString().Should().Be("cache");
        var link = shots[0].GetProperty("clipUrl").GetString()!;
        shots[1].TryGetProperty("clipUrl", out _).Should().BeFalse();

        var clip = await _server.Anonymous.GetAsync(link);
        clip.StatusCode.Should().Be(HttpStatusCode.OK);
        (await clip.Content.ReadAsStringAsync()).Should().Be("not really an mp4");
        (await _server.Anonymous.GetAsync(link.Replace("/quay/", "/lamps/", StringComparison.Ordinal))).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the link is signed for one shot");
    }

    [Fact]
    public async Task Edit_ChangesThatShotsPromptAndCaption_LeavesTheOtherShotAsItWas()
    {
        await EndedFilmAsync("promo-2");

        var response = await _server.Client.PostAsJsonAsync("api/films/promo-2/shots/lamps/edit", new { prompt = "Red lanterns at dusk", captions = new Dictionary<string, string> { ["en"] = "Red lamps" } });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var order = OrderLoader.BindUnchecked(await _server.Store.ReadTextAsync(_server.Runtime.Started.Single().OrderName), "order.yaml")!;
        order.Approval.Required.Should().BeFalse();
        order.Shots[0].Should().BeEquivalentTo(OrderLoader.BindUnchecked(Storyboard, "storyboard.yaml")!.Shots[0]);
        order.Shots[1].Prompt.Should().Be("Red lanterns at dusk");
        order.Shots[1].Captions.Should().Equal(new Dictionary<string, string> { ["en"] = "Red lamps", ["zh-CN"] = "灯" });
        order.Shots[1].Seed.Should().Be(9, "an edit keeps the seed it does not change");
    }

    [Theory]
    [InlineData("{}", HttpStatusCode.BadRequest, "changes nothing")]
    [InlineData("{\"prompt\": \"  \"}", HttpStatusCode.BadRequest, "prompt must not be empty")]
    [InlineData("{\"model\": \"no-such-model\"}", HttpStatusCode.BadRequest, "no-such-model")]
    [InlineData("{\"seed\": \"seven\"}", HttpStatusCode.BadRequest, "not a shot edit")]
    public async Task Edit_ThatChangesNothingOrBreaksTheOrder_IsRefused_AndStartsNothing(string body, HttpStatusCode expected, string detail)
    {
        await EndedFilmAsync("promo-3");

        var response = await _server.Client.PostAsync("api/films/promo-3/shots/quay/edit", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Should().Contain(detail);
        _server.Runtime.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task Edit_WithTheSameIdempotencyKey_StartsOneFilm()
    {
        await EndedFilmAsync("promo-4");
        async Task<HttpResponseMessage> EditAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/films/promo-4/shots/quay/edit") { Content = JsonContent.Create(new { seed = 42 }) };
            request.Headers.Add("Idempotency-Key", "edit-1");
            return await _server.Client.SendAsync(request);
        }

        var first = await EditAsync();
        var second = await EditAsync();

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        second.Headers.Location.Should().Be(first.Headers.Location);
        _server.Runtime.Started.Should().ContainSingle();
    }

    [Fact]
    public async Task Picture_Png_StagesThePictureWithTheNewFilm_AsThatShotsImage()
    {
        await EndedFilmAsync("promo-5");
        var content = new ByteArrayContent(Png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var response = await _server.Client.PostAsync("api/films/promo-5/shots/quay/picture?still=true", content);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = _server.Runtime.Started.Single();
        var order = OrderLoader.BindUnchecked(await _server.Store.ReadTextAsync(started.OrderName), "order.yaml")!;
        order.Shots[0].Image.Should().StartWith("replacements/quay-").And.EndWith(".png");
        order.Shots[0].Camera.Should().Be(CameraMove.Static);
        order.Shots[1].Image.Should().BeNull();
        using var staged = await _server.Store.OpenReadAsync(StoreLayout.OrderFile(started.FilmId, order.Shots[0].Image!));
        using var copy = new MemoryStream();
        await staged.CopyToAsync(copy);
        copy.ToArray().Should().Equal(Png);
    }

    [Theory]
    [InlineData("image/gif", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("image/jpeg", HttpStatusCode.BadRequest)]
    public async Task Picture_NotAPictureItSaysItIs_IsRefused(string type, HttpStatusCode expected)
    {
        await EndedFilmAsync("promo-6");
        var content = new ByteArrayContent(Png);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);

        var response = await _server.Client.PostAsync("api/films/promo-6/shots/quay/picture", content);

        response.StatusCode.Should().Be(expected);
        _server.Runtime.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task Picture_FilmStillRunning_Answers409()
    {
        _server.Runtime.Set("promo-7", WorkflowStatus.Running, new FilmProgress(FilmStages.Generate, 0, 2, 0));
        var content = new ByteArrayContent(Png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var response = await _server.Client.PostAsync("api/films/promo-7/shots/quay/picture", content);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Clip_Mp4_StagesTheClipWithTheNewFilm_AsThatShotsClip_WithoutWhatSteeredAModel()
    {
        await EndedFilmAsync("promo-8");
        var content = new ByteArrayContent(Mp4);
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");

        var response = await _server.Client.PostAsync("api/films/promo-8/shots/quay/clip", content);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = _server.Runtime.Started.Single();
        var order = OrderLoader.BindUnchecked(await _server.Store.ReadTextAsync(started.OrderName), "order.yaml")!;
        var quay = order.Shots[0];
        quay.Clip.Should().StartWith("replacements/quay-").And.EndWith(".mp4");
        (quay.Seed, quay.Model, quay.Seconds, quay.Prompt).Should().Be((null, null, 4.0, "Boats at the quay"), "the clip keeps the shot's length; a seed only steered a model");
        (order.Shots[1].Clip, order.Shots[1].Seed).Should().Be((null, 9L));
        using var staged = await _server.Store.OpenReadAsync(StoreLayout.OrderFile(started.FilmId, quay.Clip!));
        using var copy = new MemoryStream();
        await staged.CopyToAsync(copy);
        copy.ToArray().Should().Equal(Mp4);
    }

    [Theory]
    [InlineData("video/x-msvideo", "mp4", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("video/webm", "mp4", HttpStatusCode.BadRequest)]
    [InlineData("video/mp4", "png", HttpStatusCode.BadRequest)]
    public async Task Clip_NotAClipItSaysItIs_IsRefused_AndStartsNothing(string type, string body, HttpStatusCode expected)
    {
        await EndedFilmAsync("promo-9");
        var content = new ByteArrayContent(body == "png" ? Png : Mp4);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);

        var response = await _server.Client.PostAsync("api/films/promo-9/shots/quay/clip", content);

        response.StatusCode.Should().Be(expected);
        _server.Runtime.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task Regenerate_ShotThatIsOnesOwnClip_Answers409_AndStartsNothing()
    {
        _server.Runtime.Set("promo-10", WorkflowStatus.Completed, new FilmProgress(FilmStages.Completed, 2, 2, 0));
        await _server.Store.PutAsync(StoreLayout.OrderFile("promo-10", "own/quay.mp4"), new MemoryStream(Mp4), "video/mp4", overwrite: true);
        await _server.Store.PutTextAsync(
            "films/promo-10/storyboard.yaml", Storyboard.Replace("    prompt: Boats at the quay\n    seconds: 4\n    seed: 7\n", "    clip: own/quay.mp4\n    seconds: 4\n", StringComparison.Ordinal),
            "application/yaml", overwrite: true);

        var response = await _server.Client.PostAsync("api/films/promo-10/shots/quay/regenerate", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).Should().Contain("clip of one's own");
        _server.Runtime.Started.Should().BeEmpty();
    }

    private void Film(string filmId, string title, DateTime created) =>
        _server.Runtime.Instances[filmId] = new WorkflowInstance(
            filmId, nameof(FilmOrchestration), WorkflowStatus.Running, created, created,
            WorkflowJson.Serialize(new FilmRequest(filmId, "orders/x/order.yaml") { Label = new FilmLabel(title, "tests") }), null,
            WorkflowJson.Serialize(new FilmProgress(FilmStages.Approval, 0, 2, 0, null, 0.6m, "USD")), null);

    private async Task EndedFilmAsync(string filmId)
    {
        _server.Runtime.Set(filmId, WorkflowStatus.Completed, new FilmProgress(FilmStages.Completed, 2, 2, 0));
        await _server.Store.PutTextAsync($"films/{filmId}/storyboard.yaml", Storyboard, "application/yaml", overwrite: true);
    }

    private static ShotInput Input(string shotId) => new(
        "promo", shotId,
        [new ModelAttempt("mock", "1", new ShotRequest { Prompt = "p", ShotText = "p", Seconds = 4, Size = new FrameSize(320, 180) }, new string(shotId[0], 64), 0.4m, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30))]);
}
