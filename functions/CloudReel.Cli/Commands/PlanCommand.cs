using System.CommandLine;
using System.Globalization;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Orders;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Local.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Commands;

/// <summary>
/// `cloudreel plan ORDER|BRIEF [-o FILE]`: turns a brief or a screenplay into shots and writes the
/// planned order as YAML a person can edit and then render.
/// </summary>
public static class PlanCommand
{
    public static Command Create(GlobalOptions global)
    {
        var input = new Argument<FileInfo>("order-or-brief") { Description = "An order with a brief or script (.yaml/.json), a brief on its own (.txt/.md), or a Fountain screenplay (.fountain)." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the planned order (default: <name>.planned.yaml beside the input)." };
        var title = new Option<string?>("--title") { Description = "Title for a brief or screenplay on its own (default: its title line or title page)." };
        var model = new Option<string?>("--model") { Description = "Model for a brief or screenplay on its own (default: animatic)." };
        var languages = new Option<string[]>("--language") { Description = "Caption languages for a brief or screenplay on its own, e.g. --language zh-CN --language en (default: the ones it names or is written in).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("plan", "Plan shots from a brief or a screenplay and write them as an editable order.") { input, output, title, model, languages };
        command.SetAction((parse, cancellationToken) => RunAsync(
            global.Resolve(parse),
            parse.GetValue(input)!,
            parse.GetValue(output),
            new DocumentHints(parse.GetValue(title), parse.GetValue(model), parse.GetValue(languages) ?? []),
            Console.Out,
            Console.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, FileInfo input, FileInfo? output, DocumentHints defaults, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!input.Exists)
        {
            await stderr.WriteLineAsync($"{input.FullName}: no such file.");
            return ExitCodes.InvalidInput;
        }

        using var loggerFactory = context.CreateLoggerFactory();
        await using var services = EngineHost.BuildServices(context.Home, CliConfiguration.Build(context.Home), Path.GetTempPath(), loggerFactory, new Progress.ProgressRelay());
        var order = await ReadAsync(input, defaults, services.GetRequiredService<FilmIntake>(), stderr, cancellationToken);
        if (order is null) return ExitCodes.InvalidInput;
        if (!order.NeedsPlanning)
        {
            await stderr.WriteLineAsync($"{input.Name} already has shots: there is nothing to plan.");
            return ExitCodes.InvalidInput;
        }

        var directory = input.DirectoryName!;
        PlanPreviewResult local;
        try
        {
            local = await services.GetRequiredService<PlanPreview>().PlanAsync(order, new LocalOrderFiles(directory), path => path, cancellationToken);
        }
        catch (InvalidOrderException invalid)
        {
            OrderFile.PrintErrors(new Core.Orders.OrderLoadResult(null, invalid.Errors), stderr);
            return ExitCodes.InvalidInput;
        }

        var planned = local.Plan.Order;
        var estimate = local.Plan.EstimatedCost;
        var target = output ?? new FileInfo(Path.Combine(directory, Path.GetFileNameWithoutExtension(input.Name) + ".planned.yaml"));
        var rebased = Rebase(planned, directory, target.DirectoryName!);
        var comments = new List<string>
        {
            $"Planned from {input.Name}: {planned.Shots.Count} shots, {planned.Shots.Sum(s => s.Seconds).ToString("0.#", CultureInfo.InvariantCulture)} s of footage, estimated cost {estimate.ToString("0.00", CultureInfo.InvariantCulture)} {order.Budget?.Currency ?? "USD"}.",
            "Edit freely, then: cloudreel render " + Path.GetRelativePath(Environment.CurrentDirectory, target.FullName),
        };
        comments.AddRange(local.Plan.Notes);
        Directory.CreateDirectory(target.DirectoryName!);
        await File.WriteAllTextAsync(target.FullName, OrderYamlWriter.Write(rebased, SchemaPath(target.DirectoryName!), comments), cancellationToken);

        PlanPrinter.Print(local, stdout);
        await stdout.WriteLineAsync($"{planned.Shots.Count} shots planned, estimated cost {estimate.ToString("0.00", CultureInfo.InvariantCulture)}: {target.FullName}");
        return ExitCodes.Success;
    }

    private static async Task<FilmOrder?> ReadAsync(FileInfo input, DocumentHints defaults, FilmIntake intake, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            switch (input.Extension.ToLowerInvariant())
            {
                case ".txt" or ".md" or ".markdown":
                    return DocumentOrders.FromBrief(await OrderFolder.ReadOrderTextAsync(input.FullName, OrderLimits.OrderBytes, cancellationToken), Path.GetFileNameWithoutExtension(input.Name), defaults);
                case ".fountain":
                    return DocumentOrders.FromScript(await OrderFolder.ReadOrderTextAsync(input.FullName, OrderLimits.OrderBytes, cancellationToken), input.Name, Path.GetFileNameWithoutExtension(input.Name), defaults);
            }
        }
        catch (OrderFileRefusedException refused)
        {
            await stderr.WriteLineAsync(refused.Message);
            return null;
        }

        var loaded = await OrderFile.LoadAsync(input.FullName, intake, cancellationToken);
        if (loaded.Result.IsValid) return loaded.Result.Order;
        loaded.PrintErrors(stderr);
        return null;
    }

    /// <summary>Paths in the plan stay right when it is written to another folder than the order's.</summary>
    private static FilmOrder Rebase(FilmOrder order, string from, string to) => from == to
        ? order
        : order.MapPaths(path => Path.GetRelativePath(to, Path.Combine(from, path)).Replace('\\', '/'));

    /// <summary>
    /// The schema for the plan's modeline, so editors validate it: the repository's own when the
    /// plan lands inside a CloudReel checkout, else the copy shipped beside the binary.
    /// </summary>
    private static string? SchemaPath(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            var inRepository = Path.Combine(folder.FullName, "schema", "film-order.schema.json");
            if (File.Exists(inRepository)) return Path.GetRelativePath(directory, inRepository).Replace('\\', '/');
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, "film-order.schema.json");
        return File.Exists(shipped) ? shipped : null;
    }
}
