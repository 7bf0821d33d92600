using System.Diagnostics;

namespace CloudReel.Azure.Tests.Support;

/// <summary>
/// The real peers from npm the tests check CloudReel against (tests/node): Azurite, Azure's own
/// JavaScript Storage SDK, the cloudevents and standardwebhooks packages.
/// </summary>
public static class NodePeers
{
    public const string InstallHint = "run: npm ci --prefix tests/node";

    /// <summary>tests/node, found by walking up from the test binaries; fails when its packages are not installed.</summary>
    public static string Directory { get; } = Locate();

    public static string Module(string relativePath)
    {
        var path = Path.Combine(Directory, "node_modules", relativePath);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: {InstallHint}");
    }

    /// <summary>Runs one of the scripts in tests/node with arguments (never through a shell) and optional standard input.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(
        string script, IEnumerable<string> arguments, string? input = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Directory, script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var node = Path.Combine(directory.FullName, "tests", "node");
            if (File.Exists(Path.Combine(node, "package.json")))
            {
                return System.IO.Directory.Exists(Path.Combine(node, "node_modules"))
                    ? node
                    : throw new InvalidOperationException($"{node}/node_modules is missing: {InstallHint}");
            }
        }

        throw new InvalidOperationException($"tests/node was not found above {AppContext.BaseDirectory}: {InstallHint}");
    }
}
