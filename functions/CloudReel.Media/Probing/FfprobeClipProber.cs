using System.Text.Json;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Probing;

/// <summary>
/// Probes a clip with ffprobe and then decodes it completely: a clip that is missing, has no video,
/// has no duration or does not decode without errors is a <see cref="BadClipException"/>.
/// Clips are short, so the full decode is cheap, and it also counts the video frames exactly.
/// </summary>
public sealed class FfprobeClipProber(FfmpegRunner runner)
{
    public async Task<ClipProbe> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new BadClipException($"Clip {path} does not exist.");
        if (new FileInfo(fullPath).Length == 0) throw new BadClipException($"Clip {path} is an empty file.");

        var streams = await ReadStreamsAsync(fullPath, path, cancellationToken);
        var frames = await DecodeAsync(fullPath, path, streams.HasAudio, cancellationToken);
        return streams with { VideoFrames = frames };
    }

    private async Task<ClipProbe> ReadStreamsAsync(string fullPath, string shownPath, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await runner.ProbeAsync(
                ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", fullPath],
                cancellationToken);
        }
        catch (FfmpegException e)
        {
            throw new BadClipException($"Clip {shownPath} is not a readable media file: {string.Join(" / ", e.StderrTail)}");
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(st => Text(st, "codec_type") == "video" && !IsAttachedPicture(st));
        if (video.ValueKind == JsonValueKind.Undefined)
        {
            throw new BadClipException($"Clip {shownPath} has no video stream.");
        }

        var duration = ProbeJson.Seconds(root.TryGetProperty("format", out var format) ? Text(format, "duration") : null)
            ?? ProbeJson.Seconds(Text(video, "duration"));
        if (duration is not > 0)
        {
            throw new BadClipException($"Clip {shownPath} has zero duration.");
        }

        var fps = ProbeJson.Rate(Text(video, "avg_frame_rate")) ?? ProbeJson.Rate(Text(video, "r_frame_rate")) ?? 0;
        return new ClipProbe(
            duration.Value,
            video.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            video.TryGetProperty("height", out var h) ? h.GetInt32() : 0,
            fps,
            Text(video, "codec_name") ?? "unknown",
            streams.Any(st => Text(st, "codec_type") == "audio"));
    }

    private async Task<long> DecodeAsync(string fullPath, string shownPath, bool hasAudio, CancellationToken cancellationToken)
    {
        List<string> arguments = ["-v", "error", "-i", fullPath, "-map", "0:v:0"];
        if (hasAudio) arguments.AddRange(["-map", "0:a:0"]);
        arguments.AddRange(["-f", "null", "-"]);
        FfmpegRunResult result;
        try
        {
            result = await runner.RunAsync(arguments, null, cancellationToken);
        }
        catch (FfmpegException e)
        {
            throw new BadClipException($"Clip {shownPath} does not decode (exit code {e.ExitCode}): {string.Join(" / ", e.StderrTail)}");
        }

        if (result.StderrTail.Count > 0)
        {
            throw new BadClipException($"Clip {shownPath} does not decode cleanly: {string.Join(" / ", result.StderrTail)}");
        }

        var frames = result.LastProgress?.Frame ?? 0;
        if (frames <= 0) throw new BadClipException($"Clip {shownPath} has no decodable video frames.");
        return frames;
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.GetInt32() == 1;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
