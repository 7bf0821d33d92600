using CloudReel.Api;
using CloudReel.Azure.Inbound;
using CloudReel.Azure.Queue;
using CloudReel.Durable;
using CloudReel.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CloudReel.Functions.Events;

/// <summary>
/// Events in: Event Grid's BlobCreated from the storage account (an order dropped under
/// orders/incoming/ starts a film; an assembler's result completes one), and assembly jobs that ended
/// on the poison queue (the film fails with the assembler's reason). The work is <see cref="Api.Events.InboundEventHandler"/>.
/// </summary>
public sealed class EventFunctions(FilmApiServices services)
{
    private static readonly InboundEventParser Parser = new();

    [Function("OnStorageEvent")]
    public Task OnStorageEvent([EventGridTrigger] BinaryData delivery, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        Api(client).Events.HandleAsync(Parser.Parse(delivery), function.CancellationToken);

    [Function("OnAssemblyPoisoned")]
    public Task OnAssemblyPoisoned(
        [QueueTrigger(AssemblyJobQueue.DefaultQueueName + "-poison", Connection = "AzureWebJobsStorage")] string message, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        Api(client).Events.HandlePoisonedAssemblyAsync(message, function.CancellationToken);

    private FilmApi Api(DurableTaskClient client) => new(new DurableFilmRuntime(new DurableTaskClientShim(client)), services);
}
