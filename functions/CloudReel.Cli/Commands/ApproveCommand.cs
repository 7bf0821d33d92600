using System.CommandLine;
using CloudReel.Cli.Hosting;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Commands;

/// <summary>
/// `cloudreel approve FILM-ID [--reject]`: answers a film's storyboard approval gate. A render still
/// running picks the answer up; otherwise the film continues here.
/// </summary>
public static class ApproveCommand
{
    public static Command Create(GlobalOptions global)
    {
        var filmId = new Argument<string>("film-id") { Description = "The film waiting for approval." };
        var reject = new Option<bool>("--reject") { Description = "Reject the storyboard: the film stops before any shot is paid for." };
        var comment = new Option<string?>("--comment") { Description = "A note recorded with the decision." };
        var by = new Option<string?>("--by") { Description = "Who decides (default: the current user)." };
        var command = new Command("approve", "Approve (or --reject) a film's storyboard.") { filmId, reject, comment, by };
        command.SetAction((parse, cancellationToken) => RunAsync(
            global.Resolve(parse),
            parse.GetValue(filmId)!,
            new ApprovalDecision(!parse.GetValue(reject), parse.GetValue(by) ?? Environment.UserName, parse.GetValue(comment)),
            Console.Out,
            Console.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string filmId, ApprovalDecision decision, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var film = await FilmLookup.FindAsync(context, filmId, stderr, cancellationToken);
        if (film is null) return ExitCodes.InvalidInput;

        await using (var journal = await FilmLookup.OpenJournalAsync(context, cancellationToken))
        {
            var instance = await journal.GetInstanceAsync(film.FilmId, cancellationToken);
            if (instance is null or { IsTerminal: true })
            {
                await stderr.WriteLineAsync($"Film {film.FilmId} is not waiting for approval (it is {instance?.Status.ToString().ToLowerInvariant() ?? "unknown"}).");
                return ExitCodes.InvalidInput;
            }

            if (await FirstAnswerAsync(context, film, decision, cancellationToken) is { } first)
            {
                await stderr.WriteLineAsync($"The storyboard of {film.FilmId} was already {(first.Approved ? "approved" : "rejected")}{(first.By is null ? "" : $" by {first.By}")}; the first answer stands.");
                return ExitCodes.InvalidInput;
            }

            await journal.RaiseEventAsync(film.FilmId, FilmEvents.StoryboardApproved, decision, cancellationToken);
        }

        await stdout.WriteLineAsync($"Storyboard of {film.FilmId} {(decision.Approved ? "approved" : "rejected")}.");
        var filmOutcome = await ResumeIfIdleAsync(context, film, stdout, stderr, cancellationToken);

        // A rejected film is meant to stop: the decision was delivered, so rejecting succeeded.
        return decision.Approved ? filmOutcome : ExitCodes.Success;
    }

    /// <summary>Null when <paramref name="decision"/> claims the film's gate (as the API's answers do, in the film's own store); else the answer given first.</summary>
    private static async Task<ApprovalDecision?> FirstAnswerAsync(CliContext context, FilmEntry film, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        var store = StoreLocation.Resolve(context.StoreOption, film.Store, CliConfiguration.Build(context.Home));
        await using var services = new ServiceCollection().AddClipStorage(context.Home, film.OutputRoot, store).BuildServiceProvider();
        return await ApprovalAnswers.TryClaimAsync(services.GetRequiredService<IClipStore>(), film.FilmId, decision, cancellationToken);
    }

    /// <summary>When no render holds the film, carry it on here; when one does, it picks the decision up itself.</summary>
    private static async Task<int> ResumeIfIdleAsync(CliContext context, FilmEntry film, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await new FilmSession(context, film, stdout, stderr).ResumeAsync(cancellationToken);
        }
        catch (Local.Engine.InstanceLeasedException leased)
        {
            await stdout.WriteLineAsync($"The render running in another process will continue it ({leased.Message}).");
            return ExitCodes.Success;
        }
    }
}
