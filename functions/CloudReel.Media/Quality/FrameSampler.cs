using CloudReel.Core.Quality;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Probing;

namespace CloudReel.Media.Quality;

/// <summary>
/// Frames for a vision judge: <c>count</c> frames spread evenly over a clip (the first a little
/// after its start, the last a little before its end), scaled to fit a square of
/// <c>maxSide</c> pixels and written as JPEG.
/// </summary>
public sealed class FrameSampler(FfmpegRunner runner)
{
    public async Task<IReadOnlyList<JudgedImage>> SampleAsync(string clipPath, int count = 3, int maxSide = 512, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var duration = (await StreamSummary.ReadAsync(runner, clipPath, cancellationToken)).Duration;
        using var scratch = ScratchDirectory.Create("frames");
        var frames = new List<JudgedImage>();
        for (var i = 0; i < count; i++)
        {
            var at = duration * (i + 0.5) / count;
            var file = scratch.File($"frame-{i:D2}.jpg");
            var side = FilterText.Number(maxSide);
            await runner.RunAsync(
                ["-ss", FilterText.Number(at), "-i", clipPath, "-frames:v", "1",
                 "-vf", $"scale='min({side},iw)':'min({side},ih)':force_original_aspect_ratio=decrease", "-q:v", "4", "-y", file],
                cancellationToken: cancellationToken);
            if (File.Exists(file)) frames.Add(new JudgedImage(await File.ReadAllBytesAsync(file, cancellationToken), "image/jpeg"));
        }
        return frames;
    }
}
