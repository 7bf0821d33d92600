using CloudReel.Media.Assembly.Clean;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly;

/// <summary>Encoder settings of every FFmpeg output assembly writes, said once so that segments made by different processes join.</summary>
internal static class EncodeArguments
{
    /// <summary>A rendition's picture (or one stretch of it): H.264 with a keyframe every few seconds for web seeking.</summary>
    public static IReadOnlyList<string> Rendition(int fps, AssemblyOptions options) =>
    [
        "-c:v", "libx264", "-preset", options.Preset, "-crf", Number(options.Crf), "-pix_fmt", "yuv420p",
        "-g", Number(Math.Max(1, (int)Math.Round(options.KeyframeSeconds * fps))), "-r", Number(fps),
        "-an", "-sn", "-dn", "-map_metadata", "-1", "-f", "mp4",
    ];

    /// <summary>
    /// Normalised copies and the clean master's re-encoded windows: no B-frames (so a stretch may be
    /// cut after any frame), a closed GOP of <see cref="NormalisedProfile.Gop"/> frames without scene-cut
    /// keyframes (so keyframes sit where the planner expects them), and the same profile and level
    /// everywhere (so their streams join with a stream copy).
    /// </summary>
    public static IReadOnlyList<string> Normalised(NormalisedProfile profile, AssemblyOptions options) =>
    [
        "-c:v", "libx264", "-preset", options.Preset, "-crf", Number(options.Crf), "-pix_fmt", "yuv420p",
        "-profile:v", "high",
        "-x264-params", $"keyint={Number(profile.Gop)}:min-keyint={Number(profile.Gop)}:scenecut=0:bframes=0:open-gop=0",
        "-r", Number(profile.Fps), "-an", "-sn", "-dn", "-map_metadata", "-1", "-f", "mp4",
    ];

    /// <summary>The sound of one rendition, exactly as long as the film.</summary>
    public static IReadOnlyList<string> Sound(AssemblyOptions options) =>
        ["-c:a", "aac", "-b:a", $"{Number(options.AudioBitrateKbps)}k", "-ar", Number(FrameClock.SampleRate), "-ac", "2", "-vn", "-sn", "-dn", "-map_metadata", "-1", "-f", "mp4"];
}
