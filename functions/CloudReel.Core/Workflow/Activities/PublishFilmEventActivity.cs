using System.Text.Json;
using CloudReel.Core.Events;
using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Sends one film event to every configured destination (none configured: nothing is sent). A
/// film.completed event gets signed, short-lived read links to its outputs first. A destination
/// that fails is logged and recorded in the result; the activity itself does not fail the film.
/// </summary>
public sealed class PublishFilmEventActivity(
    IEnumerable<IFilmEventPublisher> publishers, IClipStore store, EventLinkOptions links, TimeProvider time, ILogger<PublishFilmEventActivity> logger, IHostApplicationLifetime host)
    : TaskActivity<FilmEvent, EventDelivery>
{
    public override async Task<EventDelivery> RunAsync(TaskActivityContext context, FilmEvent filmEvent)
    {
        var destinations = publishers.ToList();
        if (destinations.Count == 0) return new EventDelivery(filmEvent.Id, filmEvent.Type, [], []);

        var ready = filmEvent.Type switch
        {
            FilmEventTypes.FilmCompleted => await WithLinksAsync(filmEvent, host.ApplicationStopping),
            FilmEventTypes.BatchCompleted => await WithBatchLinksAsync(filmEvent, host.ApplicationStopping),
            _ => filmEvent,
        };
        var delivered = new List<string>();
        var failures = new List<EventDeliveryFailure>();
        foreach (var destination in destinations)
        {
            try
            {
                await destination.PublishAsync(ready, host.ApplicationStopping);
                delivered.Add(destination.Name);
                logger.LogDelivered(ready.Type, ready.Id, ready.FilmId, destination.Name);
            }
            catch (Exception error) when (error is not OperationCanceledException || !host.ApplicationStopping.IsCancellationRequested)
            {
                failures.Add(new EventDeliveryFailure(destination.Name, error.Message));
                logger.LogDeliveryFailed(ready.Type, ready.Id, ready.FilmId, destination.Name, error.Message);
            }
        }

        return new EventDelivery(filmEvent.Id, filmEvent.Type, delivered, failures);
    }

    private async Task<FilmEvent> WithLinksAsync(FilmEvent filmEvent, CancellationToken cancellationToken)
    {
        var data = filmEvent.Data.Deserialize<FilmCompletedData>(WorkflowJson.Options)!;
        var outputs = await SignAsync(data.Outputs, cancellationToken);
        return filmEvent with { Data = JsonSerializer.SerializeToElement(data with { Outputs = outputs }, WorkflowJson.Options) };
    }

    private async Task<FilmEvent> WithBatchLinksAsync(FilmEvent batchEvent, CancellationToken cancellationToken)
    {
        var data = batchEvent.Data.Deserialize<BatchCompletedData>(WorkflowJson.Options)!;
        var reports = await SignAsync(data.Reports, cancellationToken);
        return batchEvent with { Data = JsonSerializer.SerializeToElement(data with { Reports = reports }, WorkflowJson.Options) };
    }

    private async Task<List<OutputLink>> SignAsync(IEnumerable<OutputLink> files, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow().UtcDateTime + links.LinkLifetime;
        var signed = new List<OutputLink>();
        foreach (var file in files)
        {
            signed.Add(file with { Url = await store.GetReadLinkAsync(file.Name, links.LinkLifetime, cancellationToken), ExpiresUtc = expires });
        }

        return signed;
    }
}
