namespace CloudReel.Media.Assembly;

/// <summary>Encoder settings for assembled films. The defaults are the measured sweet spot on 2 cores (assembly.md §4).</summary>
public sealed record AssemblyEncoding
{
    public string Preset { get; init; } = "veryfast";

    public int Crf { get; init; } = 20;

    public int AudioBitrateKbps { get; init; } = 192;
}
