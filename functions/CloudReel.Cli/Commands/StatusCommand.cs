using System.CommandLine;
using System.Globalization;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Progress;

namespace CloudReel.Cli.Commands;

/// <summary>`cloudreel status [FILM-ID | BATCH-ID]`: the films and batches on this machine, or one film shot by shot, or one batch row by row.</summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions global)
    {
        var filmId = new Argument<string?>("film-id") { Description = "A film to show in detail.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "Show the films on this machine, or one film shot by shot.") { filmId };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(global.Resolve(parse), parse.GetValue(filmId), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string? filmId, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        await using var engine = await FilmLookup.OpenJournalAsync(context, cancellationToken);
        if (filmId is null)
        {
            var films = await FilmLookup.AllAsync(engine, cancellationToken);
            if (films.Count == 0) await stdout.WriteLineAsync("No films yet.");
            await Batches.BatchLookup.ListAsync(engine, stdout, cancellationToken);
            foreach (var film in films)
            {
                var snapshot = await FilmSnapshot.ReadAsync(engine, film.FilmId, cancellationToken);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{film.FilmId,-40} {Describe(snapshot),-34} {film.CreatedUtc:yyyy-MM-dd HH:mm}  {film.Title}"));
            }

            return ExitCodes.Success;
        }

        if (Core.Ports.StoreLayout.IsValidId(filmId) && await engine.GetInstanceAsync(filmId, cancellationToken) is { } batchInstance && Batches.BatchEntry.Of(batchInstance) is { } batch)
        {
            await Batches.BatchLookup.PrintAsync(engine, batch, stdout, cancellationToken);
            return ExitCodes.Success;
        }

        if (!Core.Ports.StoreLayout.IsValidId(filmId) || await engine.GetInstanceAsync(filmId, cancellationToken) is not { } instance || FilmEntry.Of(instance) is not { } entry)
        {
            await stderr.WriteLineAsync(FilmLookup.NoFilm(context, filmId));
            return ExitCodes.InvalidInput;
        }

        var detail = await FilmSnapshot.ReadAsync(engine, entry.FilmId, cancellationToken);
        await stdout.WriteLineAsync($"{entry.FilmId}: {Describe(detail)}");
        await stdout.WriteLineAsync($"  order:   {entry.OrderPath}");
        await stdout.WriteLineAsync($"  outputs: {entry.OutputFolder}");
        if (entry.Store is not null) await stdout.WriteLineAsync($"  store:   {(context.StoreOption is null ? entry.Store : StoreLocation.Parse(context.StoreOption).Remembered)}");
        if (detail.Film?.Failure is { } failure) await stdout.WriteLineAsync($"  error:   {failure.ErrorMessage}");
        foreach (var shot in detail.Shots)
        {
            await stdout.WriteLineAsync($"  shot {shot.ShotId,-24} {shot.Progress?.State ?? shot.Status.ToString().ToLowerInvariant(),-14} {shot.Progress?.Model}");
        }

        return ExitCodes.Success;
    }

    private static string Describe(FilmSnapshot snapshot) => snapshot.Film is null
        ? "not started"
        : $"{snapshot.Film.Status.ToString().ToLowerInvariant()}"
          + (snapshot.Progress is { } p ? $" ({p.Stage}, {p.ShotsDone}/{p.ShotsTotal} shots)" : "");
}
