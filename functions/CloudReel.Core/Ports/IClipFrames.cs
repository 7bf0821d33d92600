using CloudReel.Core.Quality;

namespace CloudReel.Core.Ports;

/// <summary>Frames taken from clips: the last frame of a shot, which the next shot of its sequence starts from, and frames for a vision judge.</summary>
public interface IClipFrames
{
    /// <summary>Writes the last frame of the clip at <paramref name="clipPath"/> as a PNG at <paramref name="pngPath"/>.</summary>
    Task LastFrameAsync(string clipPath, string pngPath, CancellationToken cancellationToken = default);

    /// <summary><paramref name="count"/> frames spread evenly over the clip, small enough to send to a judge.</summary>
    Task<IReadOnlyList<JudgedImage>> SampleAsync(string clipPath, int count, CancellationToken cancellationToken = default);
}
