using CloudReel.Azure.Queue;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Functions.Tests.Support;
using Microsoft.DurableTask.Client;

namespace CloudReel.Functions.Tests;

/// <summary>
/// The queue functions called as the Functions host calls them: the message text (as the queue trigger
/// hands it over after Base64 decoding) and the [DurableClient] of a real Durable Task runtime.
/// </summary>
public sealed class EventFunctionsTests(FunctionsHost host) : IClassFixture<FunctionsHost>
{
    private const string Order = """
        title: Harbour Dawn
        model: mock
        shots:
          - id: quay
            prompt: Fishing boats at the quay at dawn
            seconds: 4
        """;

    [Fact]
    public async Task OnStorageEvent_AnOrderBlobCreated_StartsOneFilm_AndItsRedeliveryStartsNothing()
    {
        await host.Store.PutTextAsync("orders/incoming/harbour/order.yaml", Order, "application/yaml", overwrite: true);
        var message = BlobCreated("orders", "incoming/harbour/order.yaml", "0x8DE2F4A1C3B5D70");

        await host.Events.OnStorageEvent(message, host.Client, CancellationToken.None);
        var started = (await host.FilmsAsync("harbour-dawn-")).Should().ContainSingle().Which;
        await host.Events.OnStorageEvent(message, host.Client, CancellationToken.None);

        var films = await host.FilmsAsync("harbour-dawn-");
        films.Should().ContainSingle("Event Grid delivers at least once; the film id comes from the blob's name and ETag");
        films[0].CreatedAt.Should().Be(started.CreatedAt);
        var request = films[0].ReadInputAs<FilmRequest>()!;
        request.OrderName.Should().Be($"orders/{films[0].InstanceId}/order.yaml");
        request.QueuedAssembly.Should().Be(new QueuedAssembly(TimeSpan.FromMinutes(60)));
        (await host.Store.ReadTextAsync(request.OrderName)).Should().Be(Order);
    }

    [Fact]
    public async Task OnStorageEvent_AssemblyResultCreated_CompletesTheFilmWaitingForIt()
    {
        const string filmId = "quayside-6a1f0c";
        await host.StartFilmAsync(filmId);
        await host.Client.RaiseEventAsync(filmId, FilmEvents.StoryboardApproved, new ApprovalDecision(true, "Mei"));
        await host.AtStageAsync(filmId, FilmStages.Assemble);
        await host.Store.PutTextAsync(
            AssemblyJobMessage.ResultNameOf(filmId), WorkflowJson.Serialize(new AssemblyResult(["quayside.16x9.mp4"], 4, 120)), "application/json", overwrite: true);

        await host.Events.OnStorageEvent(BlobCreated("films", $"{filmId}/{AssemblyJobMessage.ResultFileName}", "0x8DE2F4A1C3B5D71"), host.Client, CancellationToken.None);

        (await host.EndedAsync(filmId)).RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
    }

    [Fact]
    public async Task OnAssemblyPoisoned_AJobThatFailedFiveTimes_FailsItsFilmWithTheAssemblersLastReason()
    {
        const string filmId = "breakwater-0d93be";
        await host.StartFilmAsync(filmId);
        await host.Client.RaiseEventAsync(filmId, FilmEvents.StoryboardApproved, new ApprovalDecision(true, "Mei"));
        await host.AtStageAsync(filmId, FilmStages.Assemble);
        await host.Store.PutTextAsync($"films/{filmId}/{AssemblyQueueWorker.FailureFileName}",
            WorkflowJson.Serialize(new AssemblyFailure("clip clips/3c9e.mp4 is missing", 5, 5, DateTime.UnixEpoch)), "application/json", overwrite: true);

        await host.Events.OnAssemblyPoisoned(WorkflowJson.Serialize(AssemblyJobMessage.For(filmId, DateTime.UnixEpoch)), host.Client, CancellationToken.None);

        var film = await host.EndedAsync(filmId);
        film.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Failed);
        film.FailureDetails!.ErrorMessage.Should().Be("clip clips/3c9e.mp4 is missing (try 5 of 5; the job went to the poison queue)");
    }

    /// <summary>
    /// A Microsoft.Storage.BlobCreated event as a storage account's system topic writes it to a storage
    /// queue in the Event Grid schema: one event per message, a JSON object (not an array).
    /// </summary>
    private static string BlobCreated(string container, string blob, string etag) => $$"""
        {
          "topic": "/subscriptions/5f2b6a3e-0000-4000-8000-000000000000/resourceGroups/rg-cloudreel/providers/Microsoft.Storage/storageAccounts/stcloudreel",
          "subject": "/blobServices/default/containers/{{container}}/blobs/{{blob}}",
          "eventType": "Microsoft.Storage.BlobCreated",
          "id": "{{Guid.NewGuid()}}",
          "data": {
            "api": "PutBlob",
            "clientRequestId": "{{Guid.NewGuid()}}",
            "requestId": "{{Guid.NewGuid()}}",
            "eTag": "{{etag}}",
            "contentType": "application/octet-stream",
            "contentLength": 412,
            "blobType": "BlockBlob",
            "url": "https://stcloudreel.blob.core.windows.net/{{container}}/{{blob}}",
            "sequencer": "00000000000000000000000000024E4F0000000000b6e3d2",
            "storageDiagnostics": { "batchId": "{{Guid.NewGuid()}}" }
          },
          "dataVersion": "",
          "metadataVersion": "1",
          "eventTime": "2026-12-04T09:30:12.1234567Z"
        }
        """;
}
