using System.Diagnostics;
using System.Text;

namespace CloudReel.Cli.Tests.Support;

/// <summary>Runs the real `cloudreel` program in a child process, as a user would, with its own home folder.</summary>
internal sealed class CliRunner(string home, string workingDirectory)
{
    public static string ProgramPath { get; } = Path.Combine(AppContext.BaseDirectory, "cloudreel.dll");

    public string Home { get; } = home;

    /// <summary>Extra environment variables for the child process (e.g. CLOUDREEL__MODELS__… pointing at fakes).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(TimeSpan.FromMinutes(4), args);

    public async Task<CliResult> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cloudreel {string.Join(' ', args)} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts cloudreel and leaves it running; the caller reads its output and may kill it.</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(ProgramPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--plain");
        start.Environment["CLOUDREEL_HOME"] = Home;
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start cloudreel");
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string FilmId => Stdout.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("film: ", StringComparison.Ordinal))["film: ".Length..];

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
