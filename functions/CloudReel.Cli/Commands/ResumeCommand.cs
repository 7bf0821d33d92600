using System.CommandLine;
using CloudReel.Cli.Hosting;

namespace CloudReel.Cli.Commands;

/// <summary>`cloudreel resume [FILM-ID | BATCH-ID]`: carry on a film or a batch that was interrupted, from its journal.</summary>
public static class ResumeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var filmId = new Argument<string?>("film-id") { Description = "The film or batch to resume (default: the most recent film).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("resume", "Resume an interrupted film where it stopped: nothing already made or submitted is done again.") { filmId };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(global.Resolve(parse), parse.GetValue(filmId), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string? filmId, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (filmId is not null && await Batches.BatchLookup.FindAsync(context, filmId, cancellationToken) is var (batch, instance))
        {
            return await Batches.BatchLookup.ResumeAsync(context, batch, instance, stdout, stderr, cancellationToken);
        }

        var film = await FilmLookup.FindAsync(context, filmId, stderr, cancellationToken);
        if (film is null) return ExitCodes.InvalidInput;

        await stdout.WriteLineAsync($"film: {film.FilmId}");
        var session = new FilmSession(context, film, stdout, stderr);
        var finished = await FilmLookup.FinishedInstanceAsync(context, film.FilmId, cancellationToken);
        if (finished is not null)
        {
            await stdout.WriteLineAsync("This film has already finished.");
            return session.PrintOutcome(finished);
        }

        return await session.ResumeAsync(cancellationToken);
    }
}
