namespace CloudReel.Core.Orders;

/// <summary>How a rendition of another aspect ratio is made from the master's picture.</summary>
public enum ReframeMode
{
    /// <summary>Crop a window of the new shape around each shot's focus point.</summary>
    Crop,

    /// <summary>Fit the whole picture over a blurred, enlarged copy of itself.</summary>
    Blur,
}

/// <summary>The integrated loudness (EBU R128) a rendition is normalised to.</summary>
/// <param name="Lufs">Target in LUFS, e.g. -14 for streaming and social, -23 for broadcast.</param>
public sealed record LoudnessTarget(double Lufs)
{
    public const double MinLufs = -36;
    public const double MaxLufs = -5;

    /// <summary>-14 LUFS: the level streaming and social platforms (Douyin, YouTube) play at.</summary>
    public static readonly LoudnessTarget Streaming = new(-14);

    /// <summary>-23 LUFS: EBU R128 broadcast.</summary>
    public static readonly LoudnessTarget Broadcast = new(-23);

    public static IReadOnlyList<string> PresetNames { get; } = ["streaming", "broadcast"];

    /// <summary>The preset's name when the target is one, else null.</summary>
    public string? PresetName => Lufs == Streaming.Lufs ? "streaming" : Lufs == Broadcast.Lufs ? "broadcast" : null;

    public static LoudnessTarget? FromPreset(string name) => name switch
    {
        "streaming" => Streaming,
        "broadcast" => Broadcast,
        _ => null,
    };
}

/// <summary>What one entry of an order's <c>aspects</c> asks for beyond its ratio; null fields take the order's setting.</summary>
public sealed record AspectSettings(AspectRatio Ratio, LoudnessTarget? Loudness = null, ReframeMode? Reframe = null);
