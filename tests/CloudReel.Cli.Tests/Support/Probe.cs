using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CloudReel.Cli.Tests.Support;

/// <summary>What ffprobe says about a finished film: counted frames, size, stream lengths.</summary>
internal sealed record FilmStreams(int VideoFrames, int Width, int Height, double VideoSeconds, double AudioSeconds, bool FastStart);

internal static class Probe
{
    public static async Task<FilmStreams> StreamsAsync(string path)
    {
        using var document = JsonDocument.Parse(await RunAsync("ffprobe", "-v", "error", "-count_frames", "-show_streams", "-of", "json", path));
        var streams = document.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.Single(s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.SingleOrDefault(s => s.GetProperty("codec_type").GetString() == "audio");
        return new FilmStreams(
            int.Parse(video.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture),
            video.GetProperty("width").GetInt32(),
            video.GetProperty("height").GetInt32(),
            Seconds(video),
            audio.ValueKind == JsonValueKind.Undefined ? 0 : Seconds(audio),
            await IsFastStartAsync(path));
    }

    private static double Seconds(JsonElement stream) => double.Parse(stream.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);

    /// <summary>With faststart the moov box comes before mdat, so playback starts before the download ends.</summary>
    private static async Task<bool> IsFastStartAsync(string path)
    {
        var bytes = await File.ReadAllBytesAsync(path);
        var text = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1 << 20));
        var moov = text.IndexOf("moov", StringComparison.Ordinal);
        var mdat = text.IndexOf("mdat", StringComparison.Ordinal);
        return moov >= 0 && (mdat < 0 || moov < mdat);
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed: {error}");
    }
}
