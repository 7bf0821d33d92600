using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using CloudReel.Azure.Tests.Support;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Serve;

/// <summary>
/// A batch dropped into Azurite's orders container (incoming/batches/&lt;name&gt;/ with template.yaml, then
/// data.csv), the BlobCreated deliveries posted to serve's webhook: the data file starts the batch once.
/// </summary>
public sealed class ServeBatchDropTests : IAsyncLifetime, IDisposable
{
    private const string Template = "title: \"{{ city }} lights\"\nresolution: 144p\nfps: 24\nmodel: animatic\nvariables:\n  city: string\n"
        + "shots:\n  - {id: quay, prompt: \"Boats at the quay of {{ city }}\", seconds: 1}\n";

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
    public async Task DataFileLanding_StartsTheBatchOnce_TheTemplateAloneStartsNothing_AndBadRowsAreAnsweredInErrorsJson()
    {
        var orders = _azurite.Account.Blobs.GetBlobContainerClient("orders");
        await orders.CreateIfNotExistsAsync();
        var template = await UploadAsync(orders, "incoming/batches/lights/template.yaml", Template);
        var data = await UploadAsync(orders, "incoming/batches/lights/data.csv", "name,city\noslo,Oslo\nbergen,Bergen\n");

        var onTemplate = await PostEventsAsync(EventGridPayloads.BlobCreated("orders", "incoming/batches/lights/template.yaml", template, _azurite.BlobEndpoint));
        var first = await PostEventsAsync(EventGridPayloads.BlobCreated("orders", "incoming/batches/lights/data.csv", data, _azurite.BlobEndpoint));
        var redelivered = await PostEventsAsync(EventGridPayloads.BlobCreated("orders", "incoming/batches/lights/data.csv", data, _azurite.BlobEndpoint));

        onTemplate.EnumerateArray().Single().GetProperty("action").GetString().Should().StartWith("ignored");
        first.EnumerateArray().Single().GetProperty("action").GetString().Should().Be("batch started");
        var batchId = first.EnumerateArray().Single().GetProperty("filmId").GetString()!;
        redelivered.EnumerateArray().Single().GetProperty("action").GetString().Should().Be("batch already started");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        JsonElement status;
        do
        {
            await Task.Delay(250);
            status = await _serve.Client.GetFromJsonAsync<JsonElement>($"api/batches/{batchId}");
        }
        while (status.GetProperty("status").GetString() is "pending" or "running" && DateTime.UtcNow < deadline);

        status.GetProperty("status").GetString().Should().Be("completed", status.ToString());
        status.GetProperty("rowDetails").EnumerateArray().Select(r => r.GetProperty("key").GetString()).Should().Equal("oslo", "bergen");

        var bad = await UploadAsync(orders, "incoming/batches/broken/data.csv", "name,town\nx,Y\n");
        await UploadAsync(orders, "incoming/batches/broken/template.yaml", Template);
        var refused = await PostEventsAsync(EventGridPayloads.BlobCreated("orders", "incoming/batches/broken/data.csv", bad, _azurite.BlobEndpoint));
        refused.EnumerateArray().Single().GetProperty("action").GetString().Should().Be("refused: invalid rows");
        var errors = (await orders.GetBlobClient("incoming/batches/broken/errors.json").DownloadContentAsync()).Value.Content.ToString();
        errors.Should().Contain("data.csv:1:").And.Contain("town");
    }

    private static async Task<string> UploadAsync(global::Azure.Storage.Blobs.BlobContainerClient orders, string name, string text)
    {
        BlobContentInfo written = await orders.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), new BlobUploadOptions());
        return written.ETag.ToString();
    }

    private async Task<JsonElement> PostEventsAsync(string json)
    {
        var response = await _serve.Client.PostAsync("api/events", new StringContent(json, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
