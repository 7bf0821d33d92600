namespace CloudReel.Models.Kling;

/// <summary>Units Kling charges per second of video, from its price list [providers.md K4].</summary>
public static class KlingPricing
{
    /// <summary>
    /// For a model the list does not name, the dearest documented rate: a budget estimated too high
    /// stops a film early, one estimated too low overspends.
    /// </summary>
    public const decimal UnknownModelUnitsPerSecond = 2.0m;

    public static decimal UnitsPerSecond(string modelName, string mode)
    {
        var pro = mode.Equals("pro", StringComparison.OrdinalIgnoreCase);
        return modelName switch
        {
            "kling-v2-5-turbo" => pro ? 2.5m / 5 : 1.5m / 5,
            "kling-v2-1-master" or "kling-v2-master" => 10m / 5,
            "kling-v3" => pro ? 0.8m : 0.6m,
            _ => UnknownModelUnitsPerSecond,
        };
    }
}
