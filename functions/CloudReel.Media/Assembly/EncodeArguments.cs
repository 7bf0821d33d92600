using CloudReel.Core.Timeline;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly;

/// <summary>The three FFmpeg command lines of an assembly: picture, sound, and the mux that joins them.</summary>
internal static class EncodeArguments
{
    public static IReadOnlyList<string> Video(FilterGraph graph, FilmTimeline timeline, AssemblyEncoding encoding, string outputPath) =>
    [
        "-y", .. graph.InputArguments,
        "-filter_complex", graph.Graph, "-map", $"[{graph.OutputLabel}]",
        "-c:v", "libx264", "-preset", encoding.Preset, "-crf", Number(encoding.Crf), "-pix_fmt", "yuv420p",
        "-r", Number(timeline.Fps), "-an", "-sn", "-dn", "-map_metadata", "-1", "-f", "mp4", outputPath,
    ];

    public static IReadOnlyList<string> Audio(FilterGraph graph, AssemblyEncoding encoding, string outputPath) =>
    [
        "-y", .. graph.InputArguments,
        "-filter_complex", graph.Graph, "-map", $"[{graph.OutputLabel}]",
        "-c:a", "aac", "-b:a", $"{Number(encoding.AudioBitrateKbps)}k", "-ar", Number(FrameClock.SampleRate), "-ac", "2",
        "-vn", "-sn", "-dn", "-map_metadata", "-1", "-f", "mp4", outputPath,
    ];

    /// <summary>Stream copy of both tracks; faststart puts the index first so playback starts while downloading.</summary>
    public static IReadOnlyList<string> Mux(string videoPath, string audioPath, string title, string outputPath) =>
    [
        "-y", "-i", videoPath, "-i", audioPath,
        "-map", "0:v:0", "-map", "1:a:0", "-c", "copy", "-map_metadata", "-1",
        "-metadata", $"title={title}", "-movflags", "+faststart", "-f", "mp4", outputPath,
    ];
}
