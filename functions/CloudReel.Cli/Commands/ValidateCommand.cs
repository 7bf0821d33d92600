using System.CommandLine;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Orders;
using CloudReel.Core.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Commands;

/// <summary>`cloudreel validate ORDER`: every problem in an order, with file, line, column and field.</summary>
public static class ValidateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var order = new Argument<FileInfo>("order") { Description = "The film order to check." };
        var command = new Command("validate", "Check an order and report every problem in it.") { order };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(global.Resolve(parse), parse.GetValue(order)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, FileInfo orderFile, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!orderFile.Exists)
        {
            await stderr.WriteLineAsync($"{orderFile.FullName}: no such file.");
            return ExitCodes.InvalidInput;
        }

        using var loggerFactory = context.CreateLoggerFactory();
        await using var services = EngineHost.BuildServices(context.Home, CliConfiguration.Build(context.Home), Path.GetTempPath(), loggerFactory, new Progress.ProgressRelay());
        var loaded = await OrderFile.LoadAsync(orderFile.FullName, services.GetRequiredService<FilmIntake>(), cancellationToken);
        if (!loaded.Result.IsValid)
        {
            loaded.PrintErrors(stderr);
            return ExitCodes.InvalidInput;
        }

        var order = loaded.Result.Order!;
        var what = order.NeedsPlanning ? (order.Brief is not null ? "a brief for the planner" : "a screenplay for the planner") : $"{order.Shots.Count} shots";
        await stdout.WriteLineAsync($"{orderFile.Name}: valid — \"{order.Title}\", {what}.");
        return ExitCodes.Success;
    }
}
