using CloudReel.Cli.Hosting;
using CloudReel.Local.Engine;
using Microsoft.DurableTask;

namespace CloudReel.Cli.Commands;

/// <summary>Finds the films a command names in the registry and the journal.</summary>
public static class FilmLookup
{
    /// <summary>The named film, or the latest one when no id is given; prints why when there is none.</summary>
    public static FilmEntry? Find(CliContext context, string? filmId, TextWriter stderr)
    {
        var registry = new FilmRegistry(context.Home);
        if (filmId is null)
        {
            var films = registry.All();
            var latest = films.Count > 0 ? films[^1] : null;
            if (latest is null) stderr.WriteLine($"No films in {context.Home.Root} yet: run `cloudreel render ORDER` first.");
            return latest;
        }

        if (!Core.Ports.StoreLayout.IsValidId(filmId))
        {
            stderr.WriteLine($"'{filmId}' is not a film id (lower-case letters, digits and dashes).");
            return null;
        }

        var film = registry.Find(filmId);
        if (film is null) stderr.WriteLine($"No film '{filmId}' in {context.Home.Root}: `cloudreel status` lists the films.");
        return film;
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
