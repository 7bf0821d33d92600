using Microsoft.Extensions.Logging;

namespace CloudReel.Core.Events;

/// <summary>Log messages about film events (source-generated).</summary>
internal static partial class EventLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Event {Type} of film {FilmId} was not published: {Error}")]
    public static partial void LogPublishFailed(this ILogger logger, string type, string filmId, string error);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Event {Type} ({EventId}) of film {FilmId} did not reach {Destination}: {Error}")]
    public static partial void LogDeliveryFailed(this ILogger logger, string type, string eventId, string filmId, string destination, string error);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Event {Type} ({EventId}) of film {FilmId} delivered to {Destination}")]
    public static partial void LogDelivered(this ILogger logger, string type, string eventId, string filmId, string destination);
}
