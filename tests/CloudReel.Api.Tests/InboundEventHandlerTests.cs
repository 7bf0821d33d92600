using System.Text.Json;
using CloudReel.Api.Events;
using CloudReel.Api.Tests.Support;
using CloudReel.Azure.Inbound;
using CloudReel.Azure.Queue;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Api.Tests;

public sealed class InboundEventHandlerTests : IAsyncLifetime
{
    private const string Order = "title: Harbour Lights\nmodel: mock\nshots:\n  - id: quay\n    prompt: Boats\n    seconds: 4\n    image: refs/quay.jpg\n";

    private readonly InboundEventParser _parser = new();
    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync(new ApiOptions { QueuedAssemblyTimeoutMinutes = 45 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Handle_OrderDropped_StagesItWithItsFilesAndStartsAFilmNamedByBlobAndETag()
    {
        await _server.Store.PutTextAsync("orders/incoming/harbour/order.yaml", Order, "application/yaml", overwrite: true);
        await _server.Store.PutTextAsync("orders/incoming/harbour/refs/quay.jpg", "jpeg bytes", "image/jpeg", overwrite: true);

        var outcome = (await HandleAsync(BlobCreated("orders", "incoming/harbour/order.yaml", "0x8DC1"))).Single();

        outcome.Action.Should().Be("started");
        outcome.FilmId.Should().MatchRegex("^harbour-lights-[0-9a-f]{8}$");
        var request = _server.Runtime.Started.Should().ContainSingle().Which;
        (request with { Label = null }).Should().Be(new FilmRequest(outcome.FilmId!, $"orders/{outcome.FilmId}/order.yaml", new QueuedAssembly(TimeSpan.FromMinutes(45))));
        request.Label.Should().Be(new FilmLabel("Harbour Lights", "orders/incoming/harbour/order.yaml"), "the engine keeps what the film is and where its order came from");
        (await _server.Store.ReadTextAsync(request.OrderName)).Should().Be(Order);
        (await _server.Store.ReadTextAsync($"orders/{outcome.FilmId}/refs/quay.jpg")).Should().Be("jpeg bytes");
    }

    [Fact]
    public async Task Handle_SameEventRedelivered_StartsNothingNew()
    {
        await _server.Store.PutTextAsync("orders/incoming/order.yaml", Order, "application/yaml", overwrite: true);

        var first = (await HandleAsync(BlobCreated("orders", "incoming/order.yaml", "0x1"))).Single();
        var again = (await HandleAsync(BlobCreated("orders", "incoming/order.yaml", "0x1"))).Single();
        var rewritten = (await HandleAsync(BlobCreated("orders", "incoming/order.yaml", "0x2"))).Single();

        again.FilmId.Should().Be(first.FilmId);
        again.Action.Should().Be("already started");
        rewritten.FilmId.Should().NotBe(first.FilmId, "an order written again is a new order");
        _server.Runtime.Started.Should().HaveCount(2);
    }

    [Fact]
    public async Task Handle_BrokenOrder_StillStartsSoTheFilmFailsWithItsErrorsInTheUsualPlaces()
    {
        await _server.Store.PutTextAsync("orders/incoming/broken.yaml", "title: [unclosed\n", "application/yaml", overwrite: true);

        var outcome = (await HandleAsync(BlobCreated("orders", "incoming/broken.yaml", "0x3"))).Single();

        outcome.Action.Should().Be("started");
        outcome.FilmId.Should().StartWith("broken-");
    }

    [Fact]
    public async Task Handle_AssemblyResultWritten_RaisesAssemblyCompletedOnTheWaitingFilm()
    {
        _server.Runtime.Set("promo-1", WorkflowStatus.Running, new FilmProgress(FilmStages.Assemble, 2, 2, 0, "queued for the assembler"));
        var written = new AssemblyResult(["promo.16x9.mp4", "poster.jpg"], 9.5, 285);
        await _server.Store.PutTextAsync("films/promo-1/assembly-result.json", WorkflowJson.Serialize(written), "application/json", overwrite: true);

        var outcome = (await HandleAsync(BlobCreated("films", "promo-1/assembly-result.json", "0x9"))).Single();
        var stray = (await HandleAsync(BlobCreated("films", "other-film/assembly-result.json", "0x9"))).Single();

        outcome.Action.Should().Be("assembly completed");
        var raised = _server.Runtime.Raised.Should().ContainSingle().Which;
        (raised.InstanceId, raised.EventName).Should().Be(("promo-1", FilmEvents.AssemblyCompleted));
        var completion = raised.Payload.Should().BeOfType<AssemblyCompletion>().Which;
        completion.Succeeded.Should().BeTrue();
        completion.Result!.Files.Should().Equal("promo.16x9.mp4", "poster.jpg");
        (completion.Result.FilmSeconds, completion.Result.FilmFrames).Should().Be((9.5, 285));
        stray.Action.Should().StartWith("ignored", "no film waits for it (e.g. `cloudreel assemble` run by hand)");
    }

    [Fact]
    public async Task Handle_AssemblyResultUnreadable_FailsTheWaitingFilmNamingTheFile()
    {
        _server.Runtime.Set("promo-3", WorkflowStatus.Running, new FilmProgress(FilmStages.Assemble, 2, 2, 0, "queued for the assembler"));
        await _server.Store.PutTextAsync("films/promo-3/assembly-result.json", "{not json", "application/json", overwrite: true);

        var outcome = (await HandleAsync(BlobCreated("films", "promo-3/assembly-result.json", "0xa"))).Single();

        outcome.Action.Should().Be("assembly failed");
        var completion = (AssemblyCompletion)_server.Runtime.Raised.Single().Payload!;
        completion.Succeeded.Should().BeFalse();
        completion.Error.Should().StartWith("films/promo-3/assembly-result.json could not be read: ");
    }

    [Fact]
    public async Task HandlePoisonedAssembly_FailsTheFilmWithTheAssemblersLastReason()
    {
        _server.Runtime.Set("promo-2", WorkflowStatus.Running, new FilmProgress(FilmStages.Assemble, 2, 2, 0));
        await _server.Store.PutTextAsync("films/promo-2/assembly-failure.json",
            WorkflowJson.Serialize(new AssemblyFailure("clip clips/aaa.mp4 is missing", 5, 5, DateTime.UnixEpoch)), "application/json", overwrite: true);

        var outcome = await _server.Api.Events.HandlePoisonedAssemblyAsync(WorkflowJson.Serialize(AssemblyJobMessage.For("promo-2", DateTime.UnixEpoch)), CancellationToken.None);

        outcome.Action.Should().Be("assembly failed");
        var completion = (AssemblyCompletion)_server.Runtime.Raised.Single().Payload!;
        completion.Succeeded.Should().BeFalse();
        completion.Error.Should().Be("clip clips/aaa.mp4 is missing (try 5 of 5; the job went to the poison queue)");
    }

    [Fact]
    public async Task HandlePoisonedAssembly_NotAJobMessage_IsIgnored()
    {
        var outcome = await _server.Api.Events.HandlePoisonedAssemblyAsync("{\"filmId\":\"../x\"}", CancellationToken.None);

        outcome.Action.Should().StartWith("ignored");
        _server.Runtime.Raised.Should().BeEmpty();
    }

    private Task<IReadOnlyList<InboundOutcome>> HandleAsync(string json) => _server.Api.Events.HandleAsync(_parser.Parse(BinaryData.FromString(json)), CancellationToken.None);

    /// <summary>A Microsoft.Storage.BlobCreated event in the Event Grid schema, as a storage account's system topic sends it.</summary>
    internal static string BlobCreated(string container, string blob, string etag) => JsonSerializer.Serialize(new[]
    {
        new
        {
            id = Guid.NewGuid().ToString(),
            topic = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stcloudreel",
            subject = $"/blobServices/default/containers/{container}/blobs/{blob}",
            eventType = "Microsoft.Storage.BlobCreated",
            eventTime = "2026-11-21T08:00:00Z",
            dataVersion = "",
            metadataVersion = "1",
            data = new { api = "PutBlob", eTag = etag, contentType = "application/yaml", contentLength = 120, blobType = "BlockBlob", url = $"https://stcloudreel.blob.core.windows.net/{container}/{blob}" },
        },
    });
}
