using CloudReel.Core.Ports;
using CloudReel.Core.Quality;
using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Quality;

/// <summary>Frames of clips with FFmpeg: the last frame (<see cref="LastFrameGrabber"/>) and evenly spread samples (<see cref="FrameSampler"/>).</summary>
public sealed class FfmpegClipFrames(FfmpegRunner runner) : IClipFrames
{
    private readonly LastFrameGrabber _last = new(runner);
    private readonly FrameSampler _sampler = new(runner);

    public Task LastFrameAsync(string clipPath, string pngPath, CancellationToken cancellationToken = default) =>
        _last.LastFrameAsync(clipPath, pngPath, cancellationToken);

    public Task<IReadOnlyList<JudgedImage>> SampleAsync(string clipPath, int count, CancellationToken cancellationToken = default) =>
        _sampler.SampleAsync(clipPath, count, cancellationToken: cancellationToken);
}
