namespace CloudReel.Models.Configuration;

/// <summary>Vidu (ShengShu), section <c>Models:Vidu</c>: an API key sent as "Authorization: Token &lt;key&gt;".</summary>
public sealed class ViduOptions : ServiceOptions
{
    public string? ApiKey { get; set; }

    /// <summary>"global" (api.vidu.com) or "china" (api.vidu.cn).</summary>
    public string Region { get; set; } = "global";

    /// <summary>Model for text-to-video and reference-to-video.</summary>
    public string Model { get; set; } = "viduq2";

    /// <summary>Model for image-to-video and first-and-last-frame video.</summary>
    public string ImageModel { get; set; } = "viduq2-turbo";

    /// <summary>"540p", "720p" or "1080p".</summary>
    public string Resolution { get; set; } = "720p";

    /// <summary>USD per credit, when known: the actual cost is then the credits a task reports times this.</summary>
    public decimal? CreditPrice { get; set; }

    public string DocumentedUrl => Region.Equals("china", StringComparison.OrdinalIgnoreCase)
        ? "https://api.vidu.cn/ent/v2"
        : "https://api.vidu.com/ent/v2";
}
