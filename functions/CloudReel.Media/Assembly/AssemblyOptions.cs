using System.ComponentModel.DataAnnotations;

namespace CloudReel.Media.Assembly;

/// <summary>
/// How films are encoded and assembled; bound from the "Assembly" configuration section
/// (e.g. CLOUDREEL__ASSEMBLY__PRESET) and checked when the host starts. The defaults are the measured
/// sweet spot on 2 cores (assembly.md §4).
/// </summary>
public sealed record AssemblyOptions
{
    private const string X264Presets = "ultrafast, superfast, veryfast, faster, fast, medium, slow, slower, veryslow";

    public const string Section = "Assembly";

    /// <value>x264 preset of every encode. Default veryfast.</value>
    [AllowedValues("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", ErrorMessage = "Assembly:Preset must be one of " + X264Presets + ".")]
    public string Preset { get; init; } = "veryfast";

    /// <value>x264 constant rate factor. Default 20.</value>
    [Range(0, 51)]
    public int Crf { get; init; } = 20;

    /// <value>AAC bit rate. Default 192 kb/s.</value>
    [Range(32, 512)]
    public int AudioBitrateKbps { get; init; } = 192;

    /// <value>
    /// The most clips one chunk of film holds. A chunk is one FFmpeg process (each open decoder holds
    /// frames, so this bounds memory: a longer film runs as more processes, not a bigger one) and the
    /// unit of reuse: after an edit, only the chunks it touches are encoded again. Default 1: each
    /// clip's body with its transition into the next.
    /// </value>
    [Range(1, 1000)]
    public int MaxClipsPerChunk { get; init; } = 1;

    /// <value>Keyframe interval of the renditions, in seconds (web seeking). Default 2.</value>
    [Range(0.1, 60)]
    public double KeyframeSeconds { get; init; } = 2;

    /// <value>Short side of a draft preview, in pixels (even). Default 360.</value>
    [Range(32, 2160)]
    public int DraftShortSide { get; init; } = 360;

    /// <value>x264 preset of a draft preview. Default ultrafast.</value>
    [AllowedValues("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", ErrorMessage = "Assembly:DraftPreset must be one of " + X264Presets + ".")]
    public string DraftPreset { get; init; } = "ultrafast";

    /// <value>x264 constant rate factor of a draft preview. Default 26.</value>
    [Range(0, 51)]
    public int DraftCrf { get; init; } = 26;

    /// <value>
    /// The most clips one chunk of a draft preview holds. A draft is small and wanted at once: fewer, longer
    /// chunks decode each clip once and start fewer processes (the sample film's draft: 9.2 s in one chunk
    /// against 17 s in nine), and re-encoding a whole small chunk after an edit costs little. Default 6.
    /// </value>
    [Range(1, 1000)]
    public int DraftMaxClipsPerChunk { get; init; } = 6;

    /// <value>
    /// The ContentProducer of the implicit AI-content label (GB 45438-2025 Appendix E): the service
    /// provider's name or registered code. Default: the timeline's ("CloudReel").
    /// </value>
    public string? ContentProducer { get; init; }
}
