using System.CommandLine;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Text;
using CloudReel.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Commands;

/// <summary>`cloudreel render ORDER [-o DIR]`: validate, stage and render a film, with live progress.</summary>
public static class RenderCommand
{
    public static Command Create(GlobalOptions global)
    {
        var order = new Argument<FileInfo>("order") { Description = "The film order (.yaml, .yml or .json)." };
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Folder for outputs; each film gets a sub-folder named by its id.",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };
        var command = new Command("render", "Render a film from an order.") { order, output };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(global.Resolve(parse), parse.GetValue(order)!, parse.GetValue(output)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, FileInfo orderFile, DirectoryInfo output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!orderFile.Exists)
        {
            await stderr.WriteLineAsync($"{orderFile.FullName}: no such file.");
            return ExitCodes.InvalidInput;
        }

        context.Home.EnsureCreated();
        StoreLocation? location;
        try
        {
            location = context.StoreOption is null ? null : StoreLocation.Parse(context.StoreOption);
        }
        catch (FormatException badStore)
        {
            await stderr.WriteLineAsync($"--store: {badStore.Message}");
            return ExitCodes.InvalidInput;
        }

        using var loggerFactory = context.CreateLoggerFactory();
        await using var services = EngineHost.BuildServices(context.Home, CliConfiguration.Build(context.Home), output.FullName, loggerFactory, new Progress.ProgressRelay(), location);
        var loaded = await OrderFile.LoadAsync(orderFile.FullName, services.GetRequiredService<Core.Models.IVideoModelCatalog>(), cancellationToken);
        if (!loaded.IsValid)
        {
            OrderFile.PrintErrors(loaded, stderr);
            return ExitCodes.InvalidInput;
        }

        var order = loaded.Order!;
        var filmId = $"{Slug.From(order.Title, maxLength: 32)}-{Guid.NewGuid().ToString("N")[..6]}";
        var store = services.GetRequiredService<IClipStore>();
        string orderName;
        try
        {
            orderName = await OrderStager.StageAsync(store, filmId, orderFile.FullName, order, cancellationToken);
        }
        catch (OrderStagingException notStaged)
        {
            await stderr.WriteLineAsync(notStaged.Message);
            return ExitCodes.InvalidInput;
        }

        var film = new FilmEntry(filmId, order.Title, orderFile.FullName, output.FullName, location?.Remembered ?? store.Describe(), DateTime.UtcNow);
        new FilmRegistry(context.Home).Save(film);

        await stdout.WriteLineAsync($"film: {filmId}");
        await stdout.WriteLineAsync($"outputs: {film.OutputFolder}");
        return await new FilmSession(context, film, stdout, stderr).RunAsync(new FilmRequest(filmId, orderName), cancellationToken);
    }
}
