using System.CommandLine;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Orders;
using CloudReel.Cli.Progress;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Local.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Commands;

/// <summary>`cloudreel render ORDER [-o DIR] [--draft]`: validate, stage and render a film (or its draft preview), with live progress.</summary>
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
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Validate and plan, then print each shot's model, seconds, size, content key, cache hit and estimated cost, and the total against the budget; submit nothing.",
        };
        var draft = new Option<bool>("--draft")
        {
            Description = "Make a draft preview: the same shots, cut, captions and sound, assembled small and fast as one rendition (<name>.draft.<aspect>.mp4). Its clips are the finished film's: rendering the order again without --draft makes none of them twice.",
        };
        var command = new Command("render", "Render a film from an order.") { order, output, dryRun, draft };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(global.Resolve(parse), parse.GetValue(order)!, parse.GetValue(output)!, Console.Out, Console.Error, cancellationToken, parse.GetValue(dryRun), parse.GetValue(draft)));
        return command;
    }

    public static async Task<int> RunAsync(
        CliContext context, FileInfo orderFile, DirectoryInfo output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, bool dryRun = false, bool draft = false)
    {
        if (!orderFile.Exists)
        {
            await stderr.WriteLineAsync($"{orderFile.FullName}: no such file.");
            return ExitCodes.InvalidInput;
        }

        context.Home.EnsureCreated();
        if (!context.TryParseStore(stderr, out var location)) return ExitCodes.InvalidInput;

        using var loggerFactory = context.CreateLoggerFactory();
        var relay = new ProgressRelay();
        await using var host = await EngineHost.StartAsync(context.Home, output.FullName, loggerFactory, relay, cancellationToken, location);
        var intake = host.Services.GetRequiredService<FilmIntake>();
        var loaded = await OrderFile.LoadAsync(orderFile.FullName, intake, cancellationToken);
        if (!loaded.Result.IsValid)
        {
            loaded.PrintErrors(stderr);
            return ExitCodes.InvalidInput;
        }

        var order = loaded.Result.Order!;
        if (dryRun) return await DryRunAsync(host.Services.GetRequiredService<PlanPreview>(), loaded, stdout, stderr, cancellationToken);

        var filmId = FilmIds.Random(order.Title);
        var film = new FilmEntry(filmId, order.Title, orderFile.FullName, output.FullName, location?.Remembered, DateTime.UtcNow);
        string orderName;
        try
        {
            orderName = await intake.StageAsync(filmId, loaded.Document, order, loaded.Files, cancellationToken);
        }
        catch (Exception notStaged) when (notStaged is OrderStagingException or Core.Orders.OrderFileRefusedException)
        {
            await stderr.WriteLineAsync(notStaged.Message);
            return ExitCodes.InvalidInput;
        }

        await stdout.WriteLineAsync($"film: {filmId}");
        await stdout.WriteLineAsync($"outputs: {film.OutputFolder}");
        var request = intake.Request(filmId, orderName, order.Title, orderFile.FullName, draft);
        return await new FilmSession(context, film, stdout, stderr).WatchAsync(
            host, relay, location, () => new LocalFilmRuntime(host.Engine).StartFilmAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>Plans as the render would and prints what it would cost; 1 when the estimate is over the budget.</summary>
    private static async Task<int> DryRunAsync(PlanPreview preview, OrderFile order, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        PlanPreviewResult plan;
        try
        {
            plan = await preview.PlanAsync(order.Result.Order!, order.Files, path => path, cancellationToken);
        }
        catch (InvalidOrderException invalid)
        {
            OrderFile.PrintErrors(new Core.Orders.OrderLoadResult(null, invalid.Errors), stderr);
            return ExitCodes.InvalidInput;
        }

        await stdout.WriteLineAsync($"dry run of {Path.GetFileName(order.Path)}: \"{plan.Plan.Order.Title}\", nothing is submitted");
        PlanPrinter.Print(plan, stdout);
        return plan.IsOverBudget ? ExitCodes.FilmFailed : ExitCodes.Success;
    }
}
