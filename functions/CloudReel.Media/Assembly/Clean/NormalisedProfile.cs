using System.Globalization;
using CloudReel.Core.Orders;

namespace CloudReel.Media.Assembly.Clean;

/// <summary>
/// The profile normalised copies are made to: the master's size and rate, and the encoder settings
/// that decide whether two streams join by stream copy. Its tag names the copies in the cache.
/// </summary>
internal sealed record NormalisedProfile(FrameSize Size, int Fps, int Gop, string Preset, int Crf)
{
    /// <summary>A keyframe every half second: a stretch copied from a copy starts at most that far into a shot.</summary>
    public static NormalisedProfile For(FrameSize size, int fps, AssemblyOptions options) =>
        new(size, fps, Math.Max(1, fps / 2), options.Preset, options.Crf);

    /// <summary>e.g. "1920x1080p30-g15-veryfast-crf20".</summary>
    public string Tag => string.Create(CultureInfo.InvariantCulture, $"{Size.Width}x{Size.Height}p{Fps}-g{Gop}-{Preset.ToLowerInvariant()}-crf{Crf}");
}
