namespace CloudReel.Models.Configuration;

/// <summary>Kling (Kuaishou), section <c>Models:Kling</c>: access key and secret key sign a short-lived JWT.</summary>
public sealed class KlingOptions : ServiceOptions
{
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>"global" (api-singapore.klingai.com) or "china" (api-beijing.klingai.com); keys work only in their own region.</summary>
    public string Region { get; set; } = "global";

    /// <summary>The model_name sent; part of every content key.</summary>
    public string ModelName { get; set; } = "kling-v2-5-turbo";

    /// <summary>The model_name of multi-image reference ("elements", POST /v1/videos/multi-image2video): Kling offers it on kling-v1-6.</summary>
    public string ElementsModelName { get; set; } = "kling-v1-6";

    /// <summary>"std" (720p) or "pro" (1080p).</summary>
    public string Mode { get; set; } = "std";

    /// <summary>USD per unit (prepaid resource packs). The default is 0.14.</summary>
    public decimal UnitPrice { get; set; } = 0.14m;

    /// <summary>Units charged per second of video; the default comes from Kling's price list for the model and mode.</summary>
    public decimal? UnitsPerSecond { get; set; }

    public string DocumentedUrl => Region.Equals("china", StringComparison.OrdinalIgnoreCase)
        ? "https://api-beijing.klingai.com"
        : "https://api-singapore.klingai.com";
}
