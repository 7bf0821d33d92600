using CloudReel.Azure.Inbound;
using CloudReel.Azure.Queue;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CloudReel.Api.Events;

/// <summary>
/// What CloudReel does with the events it receives (parsed by <see cref="InboundEventParser"/>): an
/// order dropped under orders/incoming/ starts a film whose id comes from the blob's name and ETag,
/// so a redelivered event starts nothing new; an assembly result is read and raised, with
/// AssemblyCompleted, on the film waiting for it; an assembly job on the poison queue fails the film with the assembler's reason.
/// The Functions app's queue triggers (storage-events, the assembly poison queue) and `cloudreel serve`'s webhook all call this.
/// </summary>
public sealed class InboundEventHandler(
    IFilmRuntime runtime, IClipStore store, FilmIntake intake, ILogger<InboundEventHandler> logger, Batches.BatchDrops? batches = null)
{
    public async Task<IReadOnlyList<InboundOutcome>> HandleAsync(IEnumerable<InboundEvent> events, CancellationToken cancellationToken)
    {
        var outcomes = new List<InboundOutcome>();
        foreach (var inbound in events)
        {
            var outcome = inbound switch
            {
                OrderSubmitted order => await StartFilmAsync(order, cancellationToken),
                BatchSubmitted batch when batches is not null => await batches.StartAsync(batch, cancellationToken),
                AssemblyCompleted done => await CompleteAssemblyAsync(done.EventId, done.FilmId, () => ReadResultAsync(done.FilmId, cancellationToken), cancellationToken),
                SubscriptionValidation validation => new InboundOutcome(validation.EventId, "validation", null),
                IgnoredEvent ignored => new InboundOutcome(ignored.EventId, "ignored: " + ignored.Reason, null),
                _ => new InboundOutcome(inbound.EventId, "ignored", null),
            };
            logger.LogInformation("Event {EventId}: {Action} {FilmId}", outcome.EventId, outcome.Action, outcome.FilmId);
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    /// <summary>An assembly job message that ended on the poison queue: the film fails with the last recorded reason.</summary>
    public async Task<InboundOutcome> HandlePoisonedAssemblyAsync(string messageText, CancellationToken cancellationToken)
    {
        var message = WorkflowJson.Deserialize<AssemblyJobMessage>(messageText);
        if (message is not { IsWellFormed: true }) return new InboundOutcome("poison", "ignored: not an assembly job message", null);

        var failureName = StoreLayout.FilmOutput(message.FilmId, AssemblyQueueWorker.FailureFileName);
        var failure = await store.ExistsAsync(failureName, cancellationToken)
            ? WorkflowJson.Deserialize<AssemblyFailure>(await store.ReadTextAsync(failureName, cancellationToken))
            : null;
        var reason = failure is null
            ? $"the assembly job {message.JobName} could not be run and went to the poison queue"
            : $"{failure.Error} (try {failure.Try} of {failure.MaxTries}; the job went to the poison queue)";
        return await CompleteAssemblyAsync("poison", message.FilmId, () => Task.FromResult(new AssemblyCompletion(false, reason)), cancellationToken);
    }

    private async Task<InboundOutcome> StartFilmAsync(OrderSubmitted order, CancellationToken cancellationToken)
    {
        var name = StoreLayout.OrdersPrefix + order.BlobName;
        var fileName = order.BlobName[(order.BlobName.LastIndexOf('/') + 1)..];
        var document = OrderDocument.FromFile(await store.ReadTextAsync(name, cancellationToken), fileName);

        // Read only for its title and the files to bring along: the film's own validation reports every error.
        var parsed = OrderLoader.BindUnchecked(document.Text, fileName);
        var filmId = FilmIds.Derived(FilmIntake.TitleOf(parsed, document), "blob", order.BlobName, order.ETag);
        var files = new StoreFolderFiles(store, name[..(name.LastIndexOf('/') + 1)]);
        bool started;
        try
        {
            started = await intake.SubmitAsync(runtime, filmId, document, parsed, files, name, draft: false, cancellationToken);
        }
        catch (OrderStagingException refused)
        {
            logger.LogWarning("Order {Blob}: {Reason}; the film fails at validation", order.BlobName, refused.Message);
            var orderName = StoreLayout.OrderFile(filmId, "order" + document.Extension);
            started = await runtime.StartFilmAsync(intake.Request(filmId, orderName, FilmIntake.TitleOf(parsed, document), name), cancellationToken);
        }

        return new InboundOutcome(order.EventId, started ? "started" : "already started", filmId);
    }

    /// <summary>The result the assembler wrote last, read once here and handed to the film with the event.</summary>
    private async Task<AssemblyCompletion> ReadResultAsync(string filmId, CancellationToken cancellationToken)
    {
        var name = AssemblyJobMessage.ResultNameOf(filmId);
        try
        {
            return WorkflowJson.Deserialize<AssemblyResult>(await store.ReadTextAsync(name, cancellationToken)) is { } result
                ? new AssemblyCompletion(true, Result: result)
                : new AssemblyCompletion(false, $"{name} holds no assembly result");
        }
        catch (Exception unreadable) when (unreadable is FileNotFoundException or System.Text.Json.JsonException)
        {
            return new AssemblyCompletion(false, $"{name} could not be read: {unreadable.Message}");
        }
    }

    private async Task<InboundOutcome> CompleteAssemblyAsync(string eventId, string filmId, Func<Task<AssemblyCompletion>> outcome, CancellationToken cancellationToken)
    {
        var film = await runtime.GetInstanceAsync(filmId, cancellationToken);
        if (film is not { Name: nameof(FilmOrchestration) } || film.IsTerminal)
        {
            return new InboundOutcome(eventId, "ignored: no film is waiting for this assembly", filmId);
        }

        var completion = await outcome();
        await runtime.RaiseEventAsync(filmId, FilmEvents.AssemblyCompleted, completion, cancellationToken);
        return new InboundOutcome(eventId, completion.Succeeded ? "assembly completed" : "assembly failed", filmId);
    }
}

/// <summary>What was done with one inbound event.</summary>
public sealed record InboundOutcome(string EventId, string Action, string? FilmId);
