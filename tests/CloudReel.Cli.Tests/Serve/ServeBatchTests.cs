using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Serve;

/// <summary>POST, GET and cancel /api/batches against `cloudreel serve`: the real template expansion, batch intake, engine, FFmpeg and animatic.</summary>
public sealed class ServeBatchTests : IAsyncLifetime, IDisposable
{
    private const string Template = """
        title: "{{ city }} lights"
        resolution: 144p
        fps: 24
        model: animatic
        variables:
          city: string
        shots:
          - id: quay
            prompt: "Boats at the quay of {{ city }}"
            seconds: 1
          - id: lamps
            prompt: Lanterns along the harbour wall
            seconds: 1
        """;

    private readonly Workspace _workspace = new();
    private ServeSession _serve = null!;

    public async Task InitializeAsync() => _serve = await ServeSession.StartAsync(_workspace);

    public async Task DisposeAsync() => await _serve.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task SubmitBatch_AsJson_RunsEveryRowsFilm_ReportsEachRowWithItsFilmAndSignedReportLinks_AndAnIdempotentRepeatStartsNothing()
    {
        var body = new { template = Template, rows = new object[] { new { name = "oslo", city = "Oslo" }, new { name = "bergen", city = "Bergen" } }, filmsAtOnce = 2 };

        var first = await PostAsync(JsonContent.Create(body), "key-1");
        var again = await PostAsync(JsonContent.Create(body), "key-1");
        var other = await PostAsync(JsonContent.Create(body with { filmsAtOnce = 1 }), "key-1");

        first.StatusCode.Should().Be(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        var accepted = await first.Content.ReadFromJsonAsync<JsonElement>();
        var batchId = accepted.GetProperty("id").GetString()!;
        accepted.GetProperty("rows").GetInt32().Should().Be(2);
        first.Headers.Location!.ToString().Should().EndWith($"/api/batches/{batchId}");
        again.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString().Should().Be(batchId);
        again.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        other.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .Should().Be($"This key already started batch {batchId} with a different template and rows; use a new key for a new one.");

        var done = await WaitAsync(batchId);
        done.GetProperty("status").GetString().Should().Be("completed", done.ToString());
        done.GetProperty("rows").GetProperty("done").GetInt32().Should().Be(2);
        var rows = done.GetProperty("rowDetails").EnumerateArray().ToList();
        rows.Select(r => (r.GetProperty("key").GetString(), r.GetProperty("status").GetString())).Should().Equal(("oslo", "completed"), ("bergen", "completed"));
        var film = await _serve.StatusAsync(rows[1].GetProperty("filmId").GetString()!);
        film.GetProperty("status").GetString().Should().Be("completed");
        film.GetProperty("shotDetails").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "lamps").GetProperty("state").GetString()
            .Should().BeOneOf(["cached", "generated"]);
        var csvLink = done.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "batch-report.csv").GetProperty("url").GetString();
        using var anonymous = new HttpClient();
        var csv = await anonymous.GetStringAsync(csvLink);
        csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3).And.Contain(l => l.StartsWith("2,bergen,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitBatch_AsMultipartTemplateAndCsvWithBadRows_IsRefusedWholeWithEveryErrorLocated()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Template), "template", "lights.yaml" },
            { new StringContent("name,city,colour\noslo,Oslo,\nbergen,,\n"), "data", "cities.csv" },
        };

        var response = await PostAsync(form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().Should().Be("urn:cloudreel:problem:invalid-batch");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("file").GetString()}:{e.GetProperty("line").GetInt32()}: {e.GetProperty("message").GetString()}").ToList();
        errors.Should().Contain(e => e.StartsWith("cities.csv:1:", StringComparison.Ordinal) && e.Contains("colour", StringComparison.Ordinal), "an unknown column is an error at the header");
        (await _serve.Client.GetAsync("api/batches/nothing-0000")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CancelBatch_WhileItsFirstFilmRuns_EndsTheBatchAndStartsNoFurtherRow()
    {
        var slow = Template.Replace("seconds: 1", "seconds: 8", StringComparison.Ordinal).Replace("144p", "360p", StringComparison.Ordinal);
        var body = new { template = slow, rows = new object[] { new { city = "Oslo" }, new { city = "Bergen" }, new { city = "Tromso" } }, filmsAtOnce = 1 };
        var batchId = (await (await PostAsync(JsonContent.Create(body))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await WaitAsync(batchId, s => s.GetProperty("rows").GetProperty("running").GetInt32() == 1, "a running film");

        var cancel = await _serve.Client.PostAsync($"api/batches/{batchId}/cancel", null);

        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var ended = await WaitAsync(batchId);
        ended.GetProperty("status").GetString().Should().Be("cancelled");
        ended.GetProperty("rowDetails").EnumerateArray().Skip(1).Select(r => r.GetProperty("status").GetString()).Should().Equal("waiting", "waiting");
        var first = await _serve.StatusAsync(ended.GetProperty("rowDetails")[0].GetProperty("filmId").GetString()!);
        first.GetProperty("status").GetString().Should().Be("cancelled");
        (await _serve.Client.PostAsync($"api/batches/{batchId}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/batches") { Content = content };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await _serve.Client.SendAsync(request);
    }

    private async Task<JsonElement> WaitAsync(string batchId, Func<JsonElement, bool>? done = null, string what = "to an end")
    {
        done ??= s => s.GetProperty("status").GetString() is "completed" or "failed" or "cancelled";
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var status = await _serve.Client.GetFromJsonAsync<JsonElement>($"api/batches/{batchId}");
            if (done(status)) return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Batch {batchId} never got {what}: {status}");
            await Task.Delay(250);
        }
    }
}
