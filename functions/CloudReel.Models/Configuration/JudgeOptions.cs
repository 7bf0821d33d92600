using System.ComponentModel.DataAnnotations;

namespace CloudReel.Models.Configuration;

/// <summary>
/// The vision judge, section <c>Judge</c>: an Azure OpenAI chat deployment that sees images and
/// answers in structured output (e.g. gpt-4o). Without a deployment no clip is judged.
/// </summary>
public sealed class JudgeOptions : ChatDeploymentOptions
{
    /// <summary>The lowest score (0–1) a clip passes with, even when the judge says it passes.</summary>
    [Range(0, 1)]
    public double MinScore { get; set; } = 0.6;

    /// <summary>How many frames are sampled from each clip.</summary>
    [Range(1, 10)]
    public int Frames { get; set; } = 3;

    /// <summary>The longest side of each picture sent, in pixels.</summary>
    [Range(64, 4096)]
    public int MaxImageSide { get; set; } = 512;

    [Range(typeof(decimal), "0", "10000")]
    public decimal PricePerMillionInputTokens { get; set; }

    [Range(typeof(decimal), "0", "10000")]
    public decimal PricePerMillionOutputTokens { get; set; }

    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be a three-letter ISO 4217 code such as USD or CNY.")]
    public string Currency { get; set; } = "USD";
}
