using System.Text.Json;
using CloudReel.Core.Ports;
using CloudReel.Media.Ffmpeg;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Media.Probing;

/// <summary>
/// Reads an order's picture, sound file or clip through with FFmpeg before anything is spent: a picture must
/// decode to a frame, a sound file must decode to its end without an error (a truncated or corrupt MP3
/// would otherwise fail only at assembly, after every shot was paid for), a clip must be a video that
/// decodes to its end, as every generated clip must.
/// </summary>
public sealed class FfmpegMediaFileProbe(FfmpegTools tools, IScratchSpace scratch) : IMediaFileProbe
{
    // A file that does not decode is the user's to fix and is told to them at its field, not logged as a failure here.
    private readonly FfmpegRunner _runner = new(tools, NullLogger<FfmpegRunner>.Instance);

    public async Task<string?> ProblemWithAsync(Stream content, MediaFileKind kind, CancellationToken cancellationToken = default)
    {
        using var folder = scratch.CreateDirectory("media-probe");
        const string name = "medium";
        await using (var file = folder.CreateFile(name)) await content.CopyToAsync(file, cancellationToken);
        if (kind == MediaFileKind.Video) return await VideoProblemAsync(folder.FilePath(name), cancellationToken);

        string[] decode = kind == MediaFileKind.Picture
            ? ["-v", "error", "-xerror", "-i", folder.FilePath(name), "-map", "0:v:0", "-frames:v", "1", "-f", "null", "-"]
            : ["-v", "error", "-xerror", "-i", folder.FilePath(name), "-map", "0:a:0", "-f", "null", "-"];
        try
        {
            await _runner.RunAsync(decode, cancellationToken: cancellationToken);
            return null;
        }
        catch (FfmpegException unreadable)
        {
            var why = unreadable.StderrTail.Select(line => line.Replace(folder.FilePath(name), "the file", StringComparison.Ordinal).Trim())
                .FirstOrDefault(line => line.Length > 0) ?? "FFmpeg could not decode it";
            return (kind == MediaFileKind.Picture ? "does not read as a picture: " : "does not read as a sound file to its end: ") + why;
        }
    }

    public async Task<double?> VideoSecondsAsync(Stream content, CancellationToken cancellationToken = default)
    {
        using var folder = scratch.CreateDirectory("media-probe");
        const string name = "clip";
        await using (var file = folder.CreateFile(name)) await content.CopyToAsync(file, cancellationToken);
        try
        {
            var json = await _runner.ProbeAsync(["-v", "error", "-print_format", "json", "-show_format", folder.FilePath(name)], cancellationToken);
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var duration)
                ? ProbeJson.Seconds(duration.GetString()) : null;
        }
        catch (FfmpegException)
        {
            return null;
        }
    }

    /// <summary>The clip is probed and decoded as a generated clip is (<see cref="FfprobeClipProber"/>); its problem without the scratch path.</summary>
    private async Task<string?> VideoProblemAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await new FfprobeClipProber(_runner).ProbeAsync(path, cancellationToken);
            return null;
        }
        catch (BadClipException unreadable)
        {
            return "does not read as a video: " + unreadable.Message.Replace($"Clip {path} ", "it ", StringComparison.Ordinal).Replace(path, "the file", StringComparison.Ordinal);
        }
    }
}
