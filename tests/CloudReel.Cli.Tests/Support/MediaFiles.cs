using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CloudReel.Cli.Tests.Support;

/// <summary>Small media made with FFmpeg for orders and jobs, and what ffprobe and ebur128 say about films.</summary>
internal static class MediaFiles
{
    public static Task ToneAsync(string path, int frequency, double seconds) =>
        FfmpegAsync("-y", "-f", "lavfi", "-i", Invariant($"sine=f={frequency}:d={seconds}:sample_rate=48000"), "-ac", "2", "-c:a", "aac", path);

    public static Task LogoAsync(string path) =>
        FfmpegAsync("-y", "-f", "lavfi", "-i", "color=c=0xC8102EEB:s=200x80,format=rgba", "-frames:v", "1", path);

    public static Task ClipAsync(string path, string colour, double seconds, int width = 320, int height = 180) =>
        FfmpegAsync("-y", "-f", "lavfi", "-i", Invariant($"color=c={colour}:s={width}x{height}:r=30:d={seconds}"), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path);

    /// <summary>Integrated loudness of a film's sound, in LUFS.</summary>
    public static async Task<double> LoudnessAsync(string path)
    {
        var (_, stderr) = await RunAsync("ffmpeg", "-hide_banner", "-nostats", "-i", path, "-vn", "-af", "ebur128", "-f", "null", "-");
        var lines = stderr.Split('\n');
        var summary = Array.FindLastIndex(lines, l => l.Contains("Summary:", StringComparison.Ordinal));
        var line = lines.Skip(summary).First(l => l.TrimStart().StartsWith("I:", StringComparison.Ordinal));
        return double.Parse(line.Trim()[2..].Replace("LUFS", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Mean volume of a film's sound from <paramref name="start"/> for <paramref name="seconds"/>, in dBFS (volumedetect).</summary>
    public static async Task<double> MeanVolumeAsync(string path, double start, double seconds)
    {
        var (_, stderr) = await RunAsync("ffmpeg", "-hide_banner", "-nostats", "-ss", Invariant($"{start:0.###}"), "-t", Invariant($"{seconds:0.###}"), "-i", path,
            "-vn", "-af", "volumedetect", "-f", "null", "-");
        var line = stderr.Split('\n').Last(l => l.Contains("mean_volume:", StringComparison.Ordinal));
        var value = line[(line.IndexOf("mean_volume:", StringComparison.Ordinal) + 12)..].Replace("dB", "", StringComparison.Ordinal).Trim();
        return value == "-inf" ? double.NegativeInfinity : double.Parse(value, CultureInfo.InvariantCulture);
    }

    public static async Task<IReadOnlyDictionary<string, string>> TagsAsync(string path)
    {
        var (stdout, _) = await RunAsync("ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json", path);
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.GetProperty("format").GetProperty("tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    /// <summary>Runs ffmpeg; the last argument is the output, whose folder is made first.</summary>
    private static Task FfmpegAsync(params string[] args)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(args[^1])!);
        return RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", .. args]);
    }

    private static async Task<(string Stdout, string Stderr)> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? (await output, await error) : throw new InvalidOperationException($"{tool} failed: {await error}");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
