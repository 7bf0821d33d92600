using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using CloudReel.Azure.Tests.Support;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Serve;

/// <summary>
/// The event-driven start end to end: an order and its picture uploaded to Azurite's orders container,
/// the Event Grid BlobCreated delivery posted to serve's webhook, the film made from the blob store.
/// </summary>
public sealed class ServeEventsTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private Azurite _azurite = null!;
    private ServeSession _serve = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _serve = await ServeSession.StartAsync(_workspace, _azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _serve.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task BlobCreatedForAnOrder_StartsTheFilmOnce_AndItsOutputsComeBackAsSasLinks()
    {
        var orders = _azurite.Account.Blobs.GetBlobContainerClient("orders");
        await orders.CreateIfNotExistsAsync();
        await using (var picture = File.OpenRead(Path.Combine(Workspace.RepositoryRoot, "samples/shanghai-clay/refs/bund.jpg")))
        {
            await orders.GetBlobClient("incoming/bund/refs/bund.jpg").UploadAsync(picture, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/jpeg" } });
        }

        const string Order = "title: Bund at Dusk\nresolution: 180p\nmodel: animatic\nshots:\n  - id: bund\n    prompt: The Bund at dusk\n    seconds: 1.5\n    image: refs/bund.jpg\n    camera: pan-right\n";
        BlobContentInfo written = await orders.GetBlobClient("incoming/bund/order.yaml").UploadAsync(BinaryData.FromString(Order), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/yaml" } });
        var delivery = EventGridPayloads.BlobCreated("orders", "incoming/bund/order.yaml", written.ETag.ToString(), _azurite.BlobEndpoint);

        var first = await PostEventsAsync(delivery);
        var redelivered = await PostEventsAsync(delivery);

        var outcome = first.EnumerateArray().Single();
        outcome.GetProperty("action").GetString().Should().Be("started");
        var filmId = outcome.GetProperty("filmId").GetString()!;
        filmId.Should().StartWith("bund-at-dusk-");
        redelivered.EnumerateArray().Single().GetProperty("action").GetString().Should().Be("already started");
        redelivered.EnumerateArray().Single().GetProperty("filmId").GetString().Should().Be(filmId);

        var done = await _serve.EndedAsync(filmId);
        done.GetProperty("status").GetString().Should().Be("completed", done.ToString());
        var film = done.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "bund-at-dusk.16x9.mp4").GetProperty("url").GetString()!;
        film.Should().StartWith(_azurite.BlobEndpoint + "/films/").And.Contain("sig=");
        using var anonymous = new HttpClient();
        (await anonymous.GetByteArrayAsync(film)).Take(12).Skip(4).Should().Equal("ftypisom"u8.ToArray());
    }

    [Fact]
    public async Task Webhook_ValidationHandshakes_AreAnsweredInBothSchemas()
    {
        var validation = await PostEventsAsync(
            """[{"id":"v1","topic":"/subscriptions/0/resourceGroups/rg/providers/Microsoft.EventGrid/systemTopics/t","subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-21T08:00:00Z","dataVersion":"1","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}}]""");
        using var options = new HttpRequestMessage(HttpMethod.Options, "api/events");
        options.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");
        var handshake = await _serve.Client.SendAsync(options);

        validation.GetProperty("validationResponse").GetString().Should().Be("512d38b6-c7b8-40c8-89fe-f46f9e9622b6");
        handshake.StatusCode.Should().Be(HttpStatusCode.OK);
        handshake.Headers.GetValues("WebHook-Allowed-Origin").Should().Equal("eventgrid.azure.net");
    }

    [Fact]
    public async Task Webhook_MalformedDelivery_Answers400NamingTheField()
    {
        var response = await _serve.Client.PostAsync("api/events", new StringContent("""[{"id":"x","eventType":"Microsoft.Storage.BlobCreated"}]""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("eventTime");
    }

    private async Task<JsonElement> PostEventsAsync(string json)
    {
        var response = await _serve.Client.PostAsync("api/events", new StringContent(json, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>Event Grid deliveries as a storage account's system topic sends them (Event Grid schema).</summary>
internal static class EventGridPayloads
{
    public static string BlobCreated(string container, string blob, string etag, Uri blobEndpoint) => JsonSerializer.Serialize(new[]
    {
        new
        {
            id = Guid.NewGuid().ToString(),
            topic = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
            subject = $"/blobServices/default/containers/{container}/blobs/{blob}",
            eventType = "Microsoft.Storage.BlobCreated",
            eventTime = "2026-11-21T08:00:00Z",
            dataVersion = "",
            metadataVersion = "1",
            data = new { api = "PutBlob", eTag = etag, contentType = "application/yaml", blobType = "BlockBlob", url = $"{blobEndpoint}/{container}/{blob}" },
        },
    });
}
