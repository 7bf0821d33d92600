using CloudReel.Api;
using CloudReel.Azure.Inbound;
using CloudReel.Azure.Queue;
using CloudReel.Durable;
using CloudReel.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CloudReel.Functions.Events;

/// <summary>
/// Events in: Event Grid's BlobCreated from the storage account, delivered to the storage queue
/// <see cref="StorageEventsQueue"/> (an order dropped under orders/incoming/ starts a film; an
/// assembler's result completes one), and assembly jobs that ended on the poison queue (the film
/// fails with the assembler's reason). The work is <see cref="Api.Events.InboundEventHandler"/>.
/// </summary>
/// <remarks>
/// A queue rather than an Event Grid trigger: the queue trigger ships with the Storage extension the
/// app already has (the Event Grid extension does not restore in our builds), the subscriptions can be
/// made before the app is deployed, and a delivery that keeps failing is retried by the queue and lands
/// on its poison queue instead of being lost. Event Grid writes each event Base64-encoded, as the
/// trigger reads it (host.json: queues.messageEncoding).
/// </remarks>
public sealed class EventFunctions(FilmApiServices services)
{
    /// <summary>The queue Event Grid's subscriptions deliver the storage account's BlobCreated events to (Event Grid schema, one event per message).</summary>
    public const string StorageEventsQueue = "storage-events";

    private static readonly InboundEventParser Parser = new();

    [Function("OnStorageEvent")]
    public Task OnStorageEvent(
        [QueueTrigger(StorageEventsQueue, Connection = "AzureWebJobsStorage")] string delivery, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).Events.HandleAsync(Parser.Parse(BinaryData.FromString(delivery)), cancellationToken);

    [Function("OnAssemblyPoisoned")]
    public Task OnAssemblyPoisoned(
        [QueueTrigger(AssemblyJobQueue.DefaultQueueName + "-poison", Connection = "AzureWebJobsStorage")] string message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Api(client).Events.HandlePoisonedAssemblyAsync(message, cancellationToken);

    private FilmApi Api(DurableTaskClient client) => new(new DurableFilmRuntime(new DurableTaskClientShim(client)), services);
}
