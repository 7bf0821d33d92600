using System.Text.Json;

namespace CloudReel.Core.Events;

/// <summary>
/// One thing that happened to a film, as customers learn it: a CloudEvents 1.0 event once a
/// publisher puts it on the wire (Event Grid or a webhook). Ids and times come from the
/// orchestration (replay-safe), so a replayed publish sends the very same event again.
/// </summary>
/// <param name="Id">Unique per event; receivers use it to drop duplicates (delivery is at least once).</param>
/// <param name="Type">One of <see cref="FilmEventTypes"/>.</param>
/// <param name="FilmId">The film.</param>
/// <param name="Subject">What in the film it is about: films/&lt;film-id&gt; or films/&lt;film-id&gt;/shots/&lt;shot-id&gt;.</param>
/// <param name="TimeUtc">When it happened.</param>
/// <param name="Data">The event's data, as JSON (one of the records in FilmEventData.cs).</param>
public sealed record FilmEvent(string Id, string Type, string FilmId, string Subject, DateTime TimeUtc, JsonElement Data)
{
    /// <summary>The CloudEvents source of every CloudReel event.</summary>
    public const string Source = "/cloudreel";
}

/// <summary>The CloudEvents types CloudReel sends (documented in the README).</summary>
public static class FilmEventTypes
{
    public const string StoryboardReady = "cloudreel.film.storyboard-ready";
    public const string ShotGenerated = "cloudreel.shot.generated";
    public const string ShotFailed = "cloudreel.shot.failed";
    public const string FilmCompleted = "cloudreel.film.completed";
    public const string FilmFailed = "cloudreel.film.failed";
    public const string BatchCompleted = "cloudreel.batch.completed";

    public static IReadOnlyList<string> All { get; } = [StoryboardReady, ShotGenerated, ShotFailed, FilmCompleted, FilmFailed, BatchCompleted];
}

/// <summary>What became of one event at each destination; the orchestration's history keeps it.</summary>
public sealed record EventDelivery(string EventId, string Type, IReadOnlyList<string> DeliveredTo, IReadOnlyList<EventDeliveryFailure> Failures);

public sealed record EventDeliveryFailure(string Destination, string Error);

/// <summary>How event data that links to outputs signs its links.</summary>
public sealed record EventLinkOptions
{
    /// <summary>How long the read links in film.completed stay valid.</summary>
    public TimeSpan LinkLifetime { get; init; } = TimeSpan.FromHours(24);
}
