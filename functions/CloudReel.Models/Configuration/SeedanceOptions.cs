namespace CloudReel.Models.Configuration;

/// <summary>Seedance on Volcengine Ark (Doubao) or BytePlus ModelArk, section <c>Models:Seedance</c>: a Bearer API key.</summary>
public sealed class SeedanceOptions : ServiceOptions
{
    public string? ApiKey { get; set; }

    /// <summary>"china" (ark.cn-beijing.volces.com) or "international" (BytePlus, ark.ap-southeast.bytepluses.com).</summary>
    public string Region { get; set; } = "china";

    /// <summary>A model id or an endpoint id (ep-…); suffixes change over time. Part of every content key.</summary>
    public string Model { get; set; } = "doubao-seedance-1-0-pro-250528";

    /// <summary>"480p", "720p" or "1080p".</summary>
    public string Resolution { get; set; } = "720p";

    /// <summary>
    /// How output parameters travel: "text" appends the documented commands (--ratio 16:9 --duration 5)
    /// to the prompt, as the official create-task page shows; "fields" sends them as top-level JSON
    /// fields, as newer gateways document.
    /// </summary>
    public string Parameters { get; set; } = "text";

    /// <summary>
    /// Price per million output tokens (tokens ≈ width × height × fps × seconds / 1024). UNCONFIRMED:
    /// no official figure was found; the default is an assumption. Set it from your Ark price list.
    /// </summary>
    public decimal PricePerMillionTokens { get; set; } = 2.5m;

    public int Fps { get; set; } = 24;

    public string DocumentedUrl => Region.Equals("international", StringComparison.OrdinalIgnoreCase)
        ? "https://ark.ap-southeast.bytepluses.com/api/v3"
        : "https://ark.cn-beijing.volces.com/api/v3";
}
