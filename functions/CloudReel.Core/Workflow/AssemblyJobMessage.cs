using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow;

/// <summary>
/// The queue message that starts the assembler container: which film, and where its
/// <see cref="AssemblyJob"/> lies in the store (films/&lt;film-id&gt;/assembly-job.json — a timeline
/// can outgrow a queue message's 64 KB). The container needs nothing else: clips are named by the
/// job's store names. It writes films/&lt;film-id&gt;/assembly-result.json last, as its completion mark.
/// </summary>
public sealed record AssemblyJobMessage(string FilmId, string JobName, DateTime EnqueuedUtc)
{
    public const string JobFileName = "assembly-job.json";
    public const string ResultFileName = "assembly-result.json";

    public static AssemblyJobMessage For(string filmId, DateTime enqueuedUtc) => new(filmId, JobNameOf(filmId), enqueuedUtc);

    /// <summary>The store name of a film's assembly job.</summary>
    public static string JobNameOf(string filmId) => StoreLayout.FilmOutput(filmId, JobFileName);

    /// <summary>The store name of a film's assembly result, written last.</summary>
    public static string ResultNameOf(string filmId) => StoreLayout.FilmOutput(filmId, ResultFileName);

    /// <summary>A message names a valid film and exactly that film's job: it never points the assembler elsewhere.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsWellFormed => StoreLayout.IsValidId(FilmId) && JobName == JobNameOf(FilmId);
}
