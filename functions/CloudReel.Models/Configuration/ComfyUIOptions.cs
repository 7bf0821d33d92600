namespace CloudReel.Models.Configuration;

/// <summary>A self-hosted ComfyUI server, section <c>Models:ComfyUI</c>: configured once its BaseUrl is set.</summary>
public sealed class ComfyUIOptions : ServiceOptions
{
    /// <summary>Frames per second the workflow renders at: {{frames}} is seconds × this.</summary>
    public int Fps { get; set; } = 16;

    /// <summary>Longest clip the workflows are asked for.</summary>
    public double MaxSeconds { get; set; } = 30;
}
