using System.Text.Json;
using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Probing;

/// <summary>A media file's length, picture size and which streams it has, from one light ffprobe call (no decode).</summary>
internal sealed record StreamSummary(double Duration, bool HasVideo, bool HasAudio, int Width, int Height)
{
    public static async Task<StreamSummary> ReadAsync(FfmpegRunner runner, string path, CancellationToken cancellationToken)
    {
        var json = await runner.ProbeAsync(
            ["-v", "error", "-print_format", "json", "-show_entries", "format=duration:stream=codec_type,width,height:stream_disposition=attached_pic", path], cancellationToken);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var duration = root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d) ? ProbeJson.Seconds(d.GetString()) ?? 0 : 0;
        var streams = root.TryGetProperty("streams", out var list) ? list.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(s => Type(s) == "video" && !AttachedPicture(s));
        var hasVideo = video.ValueKind != JsonValueKind.Undefined;
        return new StreamSummary(
            duration,
            hasVideo,
            streams.Any(s => Type(s) == "audio"),
            hasVideo && video.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            hasVideo && video.TryGetProperty("height", out var h) ? h.GetInt32() : 0);
    }

    private static string? Type(JsonElement stream) => stream.TryGetProperty("codec_type", out var type) ? type.GetString() : null;

    private static bool AttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition) && disposition.TryGetProperty("attached_pic", out var pic) && pic.GetInt32() == 1;
}
