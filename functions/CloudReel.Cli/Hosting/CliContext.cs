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

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Home);
        root.Options.Add(Verbose);
        root.Options.Add(Plain);
    }

    public CliContext Resolve(ParseResult parse) => new(
        CloudReelHome.Resolve(parse.GetValue(Home)),
        parse.GetValue(Verbose),
        parse.GetValue(Plain) || Console.IsOutputRedirected);
}

public sealed class CliContext(CloudReelHome home, bool verbose, bool plain)
{
    public CloudReelHome Home { get; } = home;

    public bool Plain { get; } = plain;

    public ILoggerFactory CreateLoggerFactory() => LoggerFactory.Create(builder => builder
        .AddSimpleConsole(options => options.SingleLine = true)
        .AddFilter((category, level) => level >= (verbose ? LogLevel.Information : LogLevel.Warning))
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
}

/// <summary>Process exit codes of the cloudreel command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int FilmFailed = 1;
    public const int InvalidInput = 2;
    public const int Environment = 3;
}
