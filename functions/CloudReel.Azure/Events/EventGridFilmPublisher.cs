using Azure;
using Azure.Core;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using CloudReel.Core.Events;
using CloudReel.Core.Ports;

namespace CloudReel.Azure.Events;

/// <summary>
/// Publishes film events to an Event Grid topic as CloudEvents 1.0, through Azure.Messaging.EventGrid
/// (its pipeline retries transient failures). Authenticated by the topic key or an Entra ID credential.
/// </summary>
public sealed class EventGridFilmPublisher : IFilmEventPublisher
{
    private readonly EventGridPublisherClient _client;

    public EventGridFilmPublisher(Uri endpoint, AzureKeyCredential key, EventGridPublisherClientOptions? options = null)
    {
        _client = new EventGridPublisherClient(endpoint, key, options ?? new EventGridPublisherClientOptions());
        Name = $"event grid {endpoint.Host}";
    }

    public EventGridFilmPublisher(Uri endpoint, TokenCredential credential, EventGridPublisherClientOptions? options = null)
    {
        _client = new EventGridPublisherClient(endpoint, credential, options ?? new EventGridPublisherClientOptions());
        Name = $"event grid {endpoint.Host}";
    }

    public string Name { get; }

    public async Task PublishAsync(FilmEvent filmEvent, CancellationToken cancellationToken = default) =>
        await _client.SendEventAsync(ToCloudEvent(filmEvent), cancellationToken);

    public static CloudEvent ToCloudEvent(FilmEvent filmEvent) => new(
        FilmEvent.Source, filmEvent.Type, BinaryData.FromString(filmEvent.Data.GetRawText()), "application/json", CloudEventDataFormat.Json)
    {
        Id = filmEvent.Id,
        Subject = filmEvent.Subject,
        Time = new DateTimeOffset(DateTime.SpecifyKind(filmEvent.TimeUtc, DateTimeKind.Utc)),
    };
}
