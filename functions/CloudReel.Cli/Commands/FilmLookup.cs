using CloudReel.Cli.Hosting;
using CloudReel.Local.Engine;
using Microsoft.DurableTask;

namespace CloudReel.Cli.Commands;

/// <summary>Finds the films a command names in the journal, where each film's instance keeps its label.</summary>
public static class FilmLookup
{
    /// <summary>Every film in the journal, oldest first.</summary>
    public static async Task<IReadOnlyList<FilmEntry>> AllAsync(LocalWorkflowEngine journal, CancellationToken cancellationToken) =>
        (await journal.ListInstancesAsync(cancellationToken: cancellationToken))
            .Select(FilmEntry.Of)
            .OfType<FilmEntry>()
            .OrderBy(f => f.CreatedUtc)
            .ToList();

    /// <summary>The named film, or the latest one when no id is given; prints why when there is none.</summary>
    public static async Task<FilmEntry?> FindAsync(CliContext context, string? filmId, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (filmId is not null && !Core.Ports.StoreLayout.IsValidId(filmId))
        {
            await stderr.WriteLineAsync($"'{filmId}' is not a film id (lower-case letters, digits and dashes).");
            return null;
        }

        await using var journal = await OpenJournalAsync(context, cancellationToken);
        if (filmId is null)
        {
            var films = await AllAsync(journal, cancellationToken);
            var latest = films.Count > 0 ? films[^1] : null;
            if (latest is null) await stderr.WriteLineAsync($"No films in {context.Home.Root} yet: run `cloudreel render ORDER` first.");
            return latest;
        }

        var film = await journal.GetInstanceAsync(filmId, cancellationToken) is { } instance ? FilmEntry.Of(instance) : null;
        if (film is null) await stderr.WriteLineAsync(NoFilm(context, filmId));
        return film;
    }

    /// <summary>
    /// Why <paramref name="filmId"/> is not found: unknown here, or staged in the home's store but missing from its
    /// journal (deleted or replaced), in which case rendering its order again reuses every clip already made.
    /// </summary>
    public static string NoFilm(CliContext context, string filmId)
    {
        var staged = Core.Ports.StoreLayout.IsValidId(filmId) ? Path.Combine(context.Home.StorePath, "orders", filmId) : null;
        return staged is not null && Directory.Exists(staged)
            ? $"Film '{filmId}' is not in the journal {context.Home.JournalPath} (deleted or replaced?), but its order is staged in {staged}: "
                + "render that order again and every clip already made is reused from the store."
            : $"No film '{filmId}' in {context.Home.Root}: `cloudreel status` lists the films.";
    }

    /// <summary>The film's instance if it has finished, else null.</summary>
    public static async Task<InstanceInfo?> FinishedInstanceAsync(CliContext context, string filmId, CancellationToken cancellationToken)
    {
        await using var engine = await OpenJournalAsync(context, cancellationToken);
        var instance = await engine.GetInstanceAsync(filmId, cancellationToken);
        return instance is { IsTerminal: true } ? instance : null;
    }

    /// <summary>The journal, opened for queries and events only: nothing runs on it.</summary>
    public static Task<LocalWorkflowEngine> OpenJournalAsync(CliContext context, CancellationToken cancellationToken)
    {
        context.Home.EnsureCreated();
        return LocalWorkflowEngine.OpenAsync(new LocalEngineOptions { JournalPath = context.Home.JournalPath }, new DurableTaskRegistry(), cancellationToken: cancellationToken);
    }
}
