using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Quality;

/// <summary>
/// The last frame of a clip as a lossless PNG: FFmpeg decodes the clip's last second and keeps
/// overwriting one image, so the file ends as the very last frame decoded.
/// </summary>
public sealed class LastFrameGrabber(FfmpegRunner runner)
{
    public async Task LastFrameAsync(string clipPath, string pngPath, CancellationToken cancellationToken = default)
    {
        var partial = pngPath + ".partial.png";
        await runner.RunAsync(["-y", "-sseof", "-1", "-i", clipPath, "-map", "0:v:0", "-update", "1", "-f", "image2", "-c:v", "png", partial], cancellationToken: cancellationToken);
        if (!File.Exists(partial)) throw new InvalidDataException($"FFmpeg wrote no last frame for {clipPath}.");
        File.Move(partial, pngPath, overwrite: true);
    }
}
