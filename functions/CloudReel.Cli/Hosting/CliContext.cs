using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace CloudReel.Cli.Hosting;

/// <summary>Options every command shares, and what they resolve to for one run.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Home { get; } = new("--home")
    {
        Description = $"Where CloudReel keeps its journal, clip store and film registry (default ./.cloudreel, or ${CloudReelHome.EnvironmentVariable}).",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log what happens, to standard error.", Recursive = true };

    public Option<bool> Plain { get; } = new("--plain") { Description = "Plain line-by-line progress instead of a live table.", Recursive = true };

    public Option<string?> Store { get; } = new("--store")
    {
        Description = "Clip store for render, resume, approve and status: a folder, a Storage connection string "
            + "(UseDevelopmentStorage=true for Azurite) or https://<account>.blob.core.windows.net (Entra ID). Default: the home's store folder.",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Home);
        root.Options.Add(Verbose);
        root.Options.Add(Plain);
        root.Options.Add(Store);
    }

    public CliContext Resolve(ParseResult parse) => new(
        CloudReelHome.Resolve(parse.GetValue(Home)),
        parse.GetValue(Verbose),
        parse.GetValue(Plain) || Console.IsOutputRedirected,
        parse.GetValue(Store));
}

public sealed class CliContext(CloudReelHome home, bool verbose, bool plain, string? store = null)
{
    public CloudReelHome Home { get; } = home;

    /// <summary>The --store option as given (a folder, a connection string or a Blob endpoint); null for the home's folder.</summary>
    public string? StoreOption { get; } = store;

    public bool Plain { get; } = plain;

    /// <summary>
    /// The parsed --store (null for the home's folder); false, with the reason written to
    /// <paramref name="errors"/>, when it is neither a folder, a connection string nor an https Blob endpoint.
    /// </summary>
    public bool TryParseStore(TextWriter errors, out StoreLocation? location)
    {
        try
        {
            location = StoreOption is null ? null : StoreLocation.Parse(StoreOption);
            return true;
        }
        catch (FormatException badStore)
        {
            errors.WriteLine($"--store: {badStore.Message}");
            location = null;
            return false;
        }
    }

    /// <summary>
    /// The store a film or batch goes on: --store when given, else the one it remembers (null for the home's folder);
    /// false, with the reason written to <paramref name="errors"/>, when that is not a store.
    /// </summary>
    public bool TryResolveStore(string? remembered, TextWriter errors, out StoreLocation? location)
    {
        try
        {
            location = StoreLocation.Resolve(StoreOption, remembered, CliConfiguration.Build(Home));
            return true;
        }
        catch (FormatException badStore)
        {
            errors.WriteLine(badStore.Message);
            location = null;
            return false;
        }
    }

    /// <summary>Logs to standard error, every line with its secrets taken out (<see cref="RedactingLoggerFactory"/>).</summary>
    public ILoggerFactory CreateLoggerFactory() => new RedactingLoggerFactory(LoggerFactory.Create(builder => builder
        .AddSimpleConsole(options => options.SingleLine = true)
        .AddFilter((category, level) => level >= (verbose ? LogLevel.Information : LogLevel.Warning))
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)));
}

/// <summary>Process exit codes of the cloudreel command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int FilmFailed = 1;
    public const int InvalidInput = 2;
    public const int Environment = 3;
}
