using System.CommandLine;
using System.Globalization;
using CloudReel.Cli.Hosting;
using CloudReel.Core.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Commands;

/// <summary>
/// `cloudreel models`: every model this machine knows, with what it can do, what it costs, and
/// whether it is configured (and if not, what to set). Never prints a key.
/// </summary>
public static class ModelsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("models", "List every video model with its capabilities, price and whether it is configured.");
        command.SetAction((parse, cancellationToken) => RunAsync(global.Resolve(parse), Console.Out));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, TextWriter stdout)
    {
        using var loggerFactory = context.CreateLoggerFactory();
        await using var services = EngineHost.BuildServices(context.Home, CliConfiguration.Build(context.Home), Path.GetTempPath(), loggerFactory, new Progress.ProgressRelay());
        var catalog = services.GetRequiredService<IVideoModelCatalog>();
        string[] header = ["model", "configured", "provider", "version", "seconds", "sizes", "from image", "jobs at once", "price"];
        var rows = catalog.All.Select(m => Row(m)).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        await stdout.WriteLineAsync(Line(header, widths));
        foreach (var row in rows) await stdout.WriteLineAsync(Line(row, widths));

        var unconfigured = catalog.UnconfiguredModels();
        if (unconfigured.Count > 0)
        {
            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync("To use a model that is not configured (appsettings.json, or CLOUDREEL__ environment variables; see the README):");
            foreach (var (name, hint) in unconfigured) await stdout.WriteLineAsync($"  {name}: {hint}");
        }

        return ExitCodes.Success;
    }

    private static string[] Row(IVideoModel model)
    {
        var c = model.Capabilities;
        var image = c.ImageToVideo ? "yes" + (c.LastFrame ? ", last frame" : "") + (c.MaxReferenceImages > 0 ? $", {c.MaxReferenceImages} refs" : "") : "no";
        return
        [
            c.Name,
            model.IsConfigured ? "yes" : "no",
            c.Provider,
            c.Version,
            c.Durations.ToString(),
            c.Sizes.Count == 0 ? "any" : string.Join(" ", c.Sizes),
            image,
            c.MaxConcurrentJobs.ToString(CultureInfo.InvariantCulture) + (c.ConcurrencyGroup is { } group && group != c.Name ? $" ({group})" : ""),
            c.PricePerSecond == 0 ? "free" : c.PricePerSecond.ToString("0.####", CultureInfo.InvariantCulture) + $" {c.Currency}/s",
        ];
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
