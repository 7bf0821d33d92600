namespace CloudReel.Api.Status;

/// <summary>GET /api/films/{id}: where a film stands, shot by shot, what it costs and where its outputs are.</summary>
public sealed record FilmStatusResponse(
    string Id,
    string Status,
    string? Stage,
    string? Message,
    bool AwaitingApproval,
    DateTime CreatedUtc,
    DateTime LastUpdatedUtc,
    ShotTally Shots,
    IReadOnlyList<ShotState> ShotDetails,
    FilmCosts Cost,
    IReadOnlyList<FilmOutput> Outputs,
    string? Error,
    FilmLinks Links);

/// <summary>How many shots are planned, done (made or from the cache), from the cache, and failed.</summary>
public sealed record ShotTally(int Total, int Done, int FromCache, int Failed)
{
    /// <summary>Shots made of the order's own clips (no model, no cost).</summary>
    public int Provided { get; init; }
}

/// <summary>One shot: its orchestration's status, what it is doing, the model, progress, its cost so far.</summary>
public sealed record ShotState(string Id, string Status, string? State, string? Model, int? Percent, decimal Cost, string? Error);

/// <summary>Estimated (once planned) and actual money; the budget when the order has one.</summary>
public sealed record FilmCosts(decimal? Estimated, decimal Actual, string Currency, decimal? Budget);

/// <summary>An output of a finished film behind a short-lived, read-only link.</summary>
public sealed record FilmOutput(string Name, string ContentType, string Url, DateTime ExpiresUtc);

/// <summary>Where to go next: the film itself, and the actions that make sense now.</summary>
public sealed record FilmLinks(string Self, string? Approve = null, string? Cancel = null);

/// <summary>The answer to an accepted request (202): the film, and where to watch it.</summary>
public sealed record FilmAccepted(string Id, string Status, string StatusUrl, string? RegenerationOf = null, string? Shot = null, long? Seed = null);
