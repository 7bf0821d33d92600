using CloudReel.Core.Events;

namespace CloudReel.Core.Ports;

/// <summary>
/// The event-publishing port: one destination for film events (Event Grid, a webhook). A host
/// registers as many as it has configured, or none: then nothing is sent.
/// </summary>
public interface IFilmEventPublisher
{
    /// <summary>For logs and delivery records: a destination's name, never a secret (no keys, no query strings).</summary>
    string Name { get; }

    /// <summary>Delivers one event, retrying within its own bounds; throws when it finally could not.</summary>
    Task PublishAsync(FilmEvent filmEvent, CancellationToken cancellationToken = default);
}
