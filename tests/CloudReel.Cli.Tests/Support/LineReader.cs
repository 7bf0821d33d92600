using System.Diagnostics;
using System.Text;

namespace CloudReel.Cli.Tests.Support;

/// <summary>Reads a running cloudreel's standard output line by line, waiting for markers.</summary>
internal sealed class LineReader(Process process)
{
    private readonly StringBuilder _seen = new();

    /// <summary>Waits for a line containing <paramref name="marker"/>; returns what follows the marker.</summary>
    public async Task<string> WaitForAsync(string marker)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            _seen.AppendLine(line);
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) return line[(at + marker.Length)..].Trim();
        }

        throw new InvalidOperationException($"cloudreel ended before printing '{marker}':\n{_seen}\n{await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Everything read so far, without waiting for the program to end.</summary>
    public string SeenSoFar => _seen.ToString();

    /// <summary>Everything printed so far and until the end, for failure messages.</summary>
    public async Task<string> RestAsync() => _seen + await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
}
