namespace CloudReel.Models.Configuration;

/// <summary>
/// The vision judge, section <c>Judge</c>: an Azure OpenAI chat deployment that sees images and
/// answers in structured output (e.g. gpt-4o). Without a deployment no clip is judged.
/// </summary>
public sealed class JudgeOptions : ChatDeploymentOptions
{
    /// <summary>The lowest score (0–1) a clip passes with, even when the judge says it passes.</summary>
    public double MinScore { get; set; } = 0.6;

    /// <summary>How many frames are sampled from each clip.</summary>
    public int Frames { get; set; } = 3;

    /// <summary>The longest side of each picture sent, in pixels.</summary>
    public int MaxImageSide { get; set; } = 512;

    public decimal PricePerMillionInputTokens { get; set; }

    public decimal PricePerMillionOutputTokens { get; set; }

    public string Currency { get; set; } = "USD";
}
