using System.Text.Json;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Support;
using CloudReel.Azure.Webhooks;
using CloudReel.Core.Events;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Azure.Tests.Events;

/// <summary>The publish activity on the Blob store: film.completed carries SAS links a plain client can fetch.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishFilmEventActivityTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("events-cache-").FullName;
    private readonly BlobClipStore _store;
    private readonly HttpClient _http = new();
    private readonly string _secret = StandardWebhookSigner.NewSecret();

    public PublishFilmEventActivityTests(AzuriteFixture azurite)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        _store = new BlobClipStore(azurite.Server.Account.Blobs, _cache, new BlobClipStoreOptions { Containers = new BlobContainers($"clips-{suffix}", $"films-{suffix}", $"orders-{suffix}") });
    }

    [Fact]
    public async Task Run_FilmCompleted_SignsReadLinksToEveryOutput()
    {
        await _store.PutAsync("films/shanghai-1/shanghai.16x9.mp4", new MemoryStream(TestData.Bytes(500)), "video/mp4", overwrite: true);
        await using var receiver = await FakeHttpServer.StartAsync((_, _) => Results.NoContent());

        var delivery = await Activity(Webhook(receiver)).RunAsync(new ActivityCallContext(nameof(PublishFilmEventActivity), "shanghai-1"), Completed());

        delivery.DeliveredTo.Should().ContainSingle();
        var data = JsonDocument.Parse(receiver.Requests.Single().Body).RootElement.GetProperty("data").Deserialize<FilmCompletedData>(WorkflowJson.Options)!;
        var output = data.Outputs.Single();
        output.Url!.Query.Should().Contain("sp=r").And.Contain("sig=");
        output.ExpiresUtc.Should().BeCloseTo(DateTime.UtcNow.AddHours(2), TimeSpan.FromMinutes(1));
        (await _http.GetByteArrayAsync(output.Url)).Should().Equal(TestData.Bytes(500));
    }

    [Fact]
    public async Task Run_OneDestinationDown_DeliversToTheOthersAndRecordsTheFailure()
    {
        await _store.PutAsync("films/shanghai-1/shanghai.16x9.mp4", new MemoryStream([1]), "video/mp4", overwrite: true);
        await using var up = await FakeHttpServer.StartAsync((_, _) => Results.NoContent());
        await using var down = await FakeHttpServer.StartAsync((_, _) => Results.StatusCode(404));

        var delivery = await Activity(Webhook(down), Webhook(up)).RunAsync(new ActivityCallContext(nameof(PublishFilmEventActivity), "shanghai-1"), Completed());

        delivery.DeliveredTo.Should().ContainSingle().Which.Should().Contain(up.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        delivery.Failures.Should().ContainSingle().Which.Error.Should().Contain("404");
        up.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Run_NothingConfigured_SendsNothingAndSignsNothing()
    {
        var delivery = await Activity().RunAsync(new ActivityCallContext(nameof(PublishFilmEventActivity), "shanghai-1"), Completed());

        delivery.DeliveredTo.Should().BeEmpty();
        delivery.Failures.Should().BeEmpty();
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    private static FilmEvent Completed() => EventGridFilmPublisherTests.Event(
        FilmEventTypes.FilmCompleted,
        new FilmCompletedData("shanghai-1", "Shanghai", 10, 0, "USD", [new OutputLink("films/shanghai-1/shanghai.16x9.mp4", "video/mp4")]),
        "films/shanghai-1");

    private WebhookPublisher Webhook(FakeHttpServer receiver) => new(
        _http, new Azure.Events.WebhookOptions { Url = new Uri(receiver.BaseUri, "/hook"), Secret = _secret, MaxAttempts = 1 });

    private PublishFilmEventActivity Activity(params IFilmEventPublisher[] publishers) => new(
        publishers, _store, new EventLinkOptions { LinkLifetime = TimeSpan.FromHours(2) }, TimeProvider.System, NullLogger<PublishFilmEventActivity>.Instance, new RunningHost());

    /// <summary>The host the activity runs in: it keeps running through the test.</summary>
    private sealed class RunningHost : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => throw new NotSupportedException();
    }
}
