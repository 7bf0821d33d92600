namespace CloudReel.Models.Configuration;

/// <summary>Zhipu CogVideoX (BigModel open platform / Z.ai), section <c>Models:CogVideoX</c>: a Bearer API key.</summary>
public sealed class CogVideoXOptions : ServiceOptions
{
    public string? ApiKey { get; set; }

    /// <summary>"china" (open.bigmodel.cn) or "international" (api.z.ai).</summary>
    public string Region { get; set; } = "china";

    public string Model { get; set; } = "cogvideox-3";

    /// <summary>"speed" (the default; the only mode that takes a first and a last frame) or "quality".</summary>
    public string Quality { get; set; } = "speed";

    /// <summary>30 or 60.</summary>
    public int Fps { get; set; } = 30;

    public string DocumentedUrl => Region.Equals("international", StringComparison.OrdinalIgnoreCase)
        ? "https://api.z.ai/api/paas/v4"
        : "https://open.bigmodel.cn/api/paas/v4";
}
