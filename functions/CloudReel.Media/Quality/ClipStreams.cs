using System.Text.Json;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Probing;

namespace CloudReel.Media.Quality;

/// <summary>A clip's length and whether it carries sound, from one light ffprobe call (no decode).</summary>
internal static class ClipStreams
{
    public static async Task<(double Duration, bool HasAudio)> ReadAsync(FfmpegRunner runner, string clipPath, CancellationToken cancellationToken)
    {
        var json = await runner.ProbeAsync(["-v", "error", "-print_format", "json", "-show_entries", "format=duration:stream=codec_type", clipPath], cancellationToken);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var duration = root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d) ? ProbeJson.Seconds(d.GetString()) ?? 0 : 0;
        var hasAudio = root.TryGetProperty("streams", out var streams)
            && streams.EnumerateArray().Any(s => s.TryGetProperty("codec_type", out var type) && type.GetString() == "audio");
        return (duration, hasAudio);
    }
}
