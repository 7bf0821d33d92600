using System.CommandLine;
using CloudReel.Cli.Commands;
using CloudReel.Cli.Hosting;
using CloudReel.Local.Engine;

namespace CloudReel.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("CloudReel: film orders in, AI-generated films out.");
        global.AddTo(root);
        root.Subcommands.Add(RenderCommand.Create(global));
        root.Subcommands.Add(ValidateCommand.Create(global));
        root.Subcommands.Add(PlanCommand.Create(global));
        root.Subcommands.Add(ResumeCommand.Create(global));
        root.Subcommands.Add(StatusCommand.Create(global));
        root.Subcommands.Add(ApproveCommand.Create(global));
        root.Subcommands.Add(ModelsCommand.Create(global));
        root.Subcommands.Add(VoicesCommand.Create(global));
        root.Subcommands.Add(ServeCommand.Create(global));
        root.Subcommands.Add(AssembleCommand.Create(global));
        root.Subcommands.Add(BatchCommand.Create(global));
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception error) when (SettingsErrors.Failures(error) is { } failures)
        {
            SettingsErrors.Write(Console.Error, failures);
            return ExitCodes.InvalidInput;
        }
        catch (JournalUnusableException unusable)
        {
            await Console.Error.WriteLineAsync(unusable.Message);
            return ExitCodes.Environment;
        }
        catch (IOException full) when (DiskSpace.IsFull(full))
        {
            await Console.Error.WriteLineAsync($"The disk is full ({full.Message}). Free some space and run `cloudreel resume <film-id>`: nothing made so far is lost.");
            return ExitCodes.Environment;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception error)
        {
            // As System.CommandLine's own handler would, which is off so settings failures are told above.
            await Console.Error.WriteLineAsync("Unhandled exception: " + error);
            return ExitCodes.FilmFailed;
        }
    }
}
