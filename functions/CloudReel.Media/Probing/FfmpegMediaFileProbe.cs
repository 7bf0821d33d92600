using CloudReel.Core.Ports;
using CloudReel.Media.Ffmpeg;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Media.Probing;

/// <summary>
/// Reads an order's picture or sound file through with FFmpeg before anything is spent: a picture must
/// decode to a frame, a sound file must decode to its end without an error (a truncated or corrupt MP3
/// would otherwise fail only at assembly, after every shot was paid for).
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
}
