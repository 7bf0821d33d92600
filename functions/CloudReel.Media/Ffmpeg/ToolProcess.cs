using System.Diagnostics;
using System.Text;

namespace CloudReel.Media.Ffmpeg;

/// <summary>How a tool run ended: its exit code and the end of its stderr.</summary>
internal sealed record ToolExit(int ExitCode, IReadOnlyList<string> StderrTail);

/// <summary>
/// Runs one external tool from an argument list (never a shell), streaming stdout line by line and
/// keeping the tail of stderr. Cancellation kills the whole process tree and waits for it to go.
/// </summary>
internal static class ToolProcess
{
    public const int TailLines = 20;

    public static async Task<ToolExit> RunAsync(
        string executable,
        IEnumerable<string> arguments,
        Action<string> onStdoutLine,
        Action<Process>? onStarted,
        CancellationToken cancellationToken,
        Action<string>? onStderrLine = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = startInfo };
        process.Start();
        YieldToCoordinator(process);
        onStarted?.Invoke(process);
        var tail = new StderrTail(TailLines);
        using (cancellationToken.Register(() => Kill(process)))
        {
            var stdout = PumpAsync(process.StandardOutput, onStdoutLine);
            var stderr = PumpAsync(process.StandardError, line =>
            {
                tail.Add(line);
                onStderrLine?.Invoke(line);
            });
            await Task.WhenAll(stdout, stderr);
            // Never return while the child still runs: a cancelled run must not leave FFmpeg behind.
            await process.WaitForExitAsync(CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ToolExit(process.ExitCode, tail.Snapshot());
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line) onLine(line);
    }

    /// <summary>
    /// Encoders run below normal priority so that the work that keeps them fed (the workflow engine, the
    /// API, the progress view) is not queued behind them when they fill every core; they still get all
    /// the CPU nobody else wants.
    /// </summary>
    private static void YieldToCoordinator(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or PlatformNotSupportedException)
        {
            // Already exited, or the platform refuses: it runs at normal priority, which is only slower for the rest.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
