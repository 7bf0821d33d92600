using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CloudReel.Api.Tests.Support;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Api.Tests;

public sealed class SubmitFilmTests : IAsyncLifetime
{
    private const string Order = """
        title: Harbour Lights
        model: mock
        shots:
          - id: quay
            prompt: Fishing boats at the quay at dawn
            seconds: 4
          - id: lamps
            prompt: Lanterns lit along the harbour wall
            seconds: 3
        """;

    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync(new ApiOptions { QueuedAssemblyTimeoutMinutes = 30 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Submit_ValidYaml_StagesTheOrderStartsTheFilmAndAnswers202WithItsStatusUrl()
    {
        var response = await _server.Client.PostAsync("api/films", ApiServer.Yaml(Order));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        id.Should().MatchRegex("^harbour-lights-[0-9a-f]{16}$", "64 random bits: ids never meet");
        response.Headers.Location!.AbsoluteUri.Should().Be(new Uri(_server.Client.BaseAddress!, $"api/films/{id}").AbsoluteUri);
        body.GetProperty("statusUrl").GetString().Should().Be(response.Headers.Location.AbsoluteUri);
        var started = _server.Runtime.Started.Should().ContainSingle().Which;
        (started with { Label = null }).Should().Be(new FilmRequest(id, $"orders/{id}/order.yaml", new QueuedAssembly(TimeSpan.FromMinutes(30))));
        started.Label.Should().Be(new FilmLabel("Harbour Lights", $"POST /api/films (orders/{id}/order.yaml)"));
        (await _server.Store.ReadTextAsync(started.OrderName)).Should().Be(Order);
    }

    [Fact]
    public async Task Submit_ValidJson_IsStagedAsJson()
    {
        var json = """{"title": "Harbour Lights", "model": "mock", "shots": [{"id": "quay", "prompt": "Boats at dawn", "seconds": 4}]}""";

        var response = await _server.Client.PostAsync("api/films", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _server.Runtime.Started.Should().ContainSingle().Which.OrderName.Should().EndWith("/order.json");
    }

    [Fact]
    public async Task Submit_InvalidOrder_Answers400ProblemDetailsNamingEveryFieldWithLineAndColumn()
    {
        var bad = """
            title: Harbour Lights
            fps: 29
            model: mock
            shots:
              - id: quay
                prompt: Boats
                secnds: 4
            """;

        var response = await _server.Client.PostAsync("api/films", ApiServer.Yaml(bad));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().Should().Be("urn:cloudreel:problem:invalid-order");
        problem.GetProperty("status").GetInt32().Should().Be(400);
        problem.GetProperty("instance").GetString().Should().Be("/api/films");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32())).ToList();
        errors.Should().Contain(("fps", 2, 6)).And.Contain(("shots[0].secnds", 7, 5));
        _server.Runtime.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task Submit_OrderNamingALocalFile_Answers400WithTheHintToUploadFiles()
    {
        var order = Order.Replace("    seconds: 4", "    seconds: 4\n    image: refs/quay.jpg", StringComparison.Ordinal);

        var response = await _server.Client.PostAsync("api/films", ApiServer.Yaml(order));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("shots[0].image");
        problem.GetProperty("detail").GetString().Should().Contain("upload them with the order to the orders container under incoming/");
    }

    [Fact]
    public async Task Submit_UnconfiguredModel_SaysWhatToSet()
    {
        var response = await _server.Client.PostAsync("api/films", ApiServer.Yaml(Order.Replace("model: mock", "model: kling", StringComparison.Ordinal)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Models:Kling:AccessKey");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task Submit_NeitherJsonNorYaml_Answers415(string mediaType)
    {
        var response = await _server.Client.PostAsync("api/films", new StringContent(Order, Encoding.UTF8, mediaType));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().Should().Be("urn:cloudreel:problem:unsupported-media-type");
    }

    [Fact]
    public async Task Submit_OverTheSizeLimit_Answers413WithoutReadingOn()
    {
        await using var small = await ApiServer.StartAsync(new ApiOptions { MaxOrderBytes = 2048 });

        var response = await small.Client.PostAsync("api/films", ApiServer.Yaml(Order + "\n# " + new string('x', 4096)));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        small.Runtime.Started.Should().BeEmpty();
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyTwice_AnswersTheSameFilmAndStartsOnlyOne()
    {
        var first = await PostWithKeyAsync(Order, "order-7731");
        var second = await PostWithKeyAsync(Order, "order-7731");

        second.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.Headers.Location.Should().Be(first.Headers.Location);
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        _server.Runtime.Started.Should().ContainSingle();
    }

    [Fact]
    public async Task Submit_Draft_StartsADraftPreview_AndTheSameKeyWithoutDraftIsAnotherRequest()
    {
        var draft = await PostWithKeyAsync(Order, "order-7740", "?draft=true");
        var finished = await PostWithKeyAsync(Order, "order-7740");
        var bad = await _server.Client.PostAsync("api/films?draft=maybe", ApiServer.Yaml(Order));

        draft.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _server.Runtime.Started.Should().ContainSingle().Which.Draft.Should().BeTrue();
        finished.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a key names one request, draft or not");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("draft");
    }

    [Fact]
    public async Task Submit_SameKeyConcurrently_AgreesOnOneFilm()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostWithKeyAsync(Order, "burst-1")));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Accepted);
        responses.Select(r => r.Headers.Location).Distinct().Should().ContainSingle();
        _server.Runtime.Started.Should().ContainSingle();
    }

    [Fact]
    public async Task Submit_SameKeyDifferentOrder_Answers422NamingTheFirstFilm()
    {
        var first = await PostWithKeyAsync(Order, "order-7732");
        var other = await PostWithKeyAsync(Order.Replace("Harbour Lights", "Other Film", StringComparison.Ordinal), "order-7732");

        other.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var id = first.Headers.Location!.Segments[^1];
        (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain(id);
    }

    [Fact]
    public async Task Submit_KeyRecordedButFilmNeverStarted_StartsItOnTheRetry()
    {
        var first = await PostWithKeyAsync(Order, "order-7733");
        var id = first.Headers.Location!.Segments[^1];
        _server.Runtime.Instances.TryRemove(id, out _);

        var retry = await PostWithKeyAsync(Order, "order-7733");

        retry.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _server.Runtime.Instances.Should().ContainKey(id, "a crash between recording the key and starting the film is healed by the retry");
    }

    [Fact]
    public async Task Submit_WithoutKey_Answers401Problem()
    {
        var response = await _server.Anonymous.PostAsync("api/films", ApiServer.Yaml(Order));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().Should().Be("urn:cloudreel:problem:unauthorized");
        _server.Runtime.Started.Should().BeEmpty();
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(string order, string key, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/films" + query) { Content = ApiServer.Yaml(order) };
        request.Headers.Add("Idempotency-Key", key);
        return await _server.Client.SendAsync(request);
    }
}
