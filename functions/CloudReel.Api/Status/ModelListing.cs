using CloudReel.Core.Models;

namespace CloudReel.Api.Status;

/// <summary>GET /api/models: one video model, configured or not, with what it can do and costs.</summary>
public sealed record ModelListing(
    string Name,
    string Provider,
    string Version,
    bool Configured,
    string? Setup,
    double MinSeconds,
    double MaxSeconds,
    IReadOnlyList<double>? Lengths,
    IReadOnlyList<string> Sizes,
    bool ImageToVideo,
    bool TextToVideo,
    int MaxReferenceImages,
    int MaxConcurrentJobs,
    decimal PricePerSecond,
    string Currency)
{
    public static ModelListing Of(IVideoModel model)
    {
        var c = model.Capabilities;
        return new ModelListing(
            c.Name, c.Provider, c.Version, model.IsConfigured, model.IsConfigured ? null : model.SetupHint,
            c.Durations.Min, c.Durations.Max, c.Durations.Allowed, c.Sizes.Select(s => $"{s.Width}x{s.Height}").ToList(),
            c.ImageToVideo, c.TextToVideo, c.MaxReferenceImages, c.MaxConcurrentJobs, c.PricePerSecond, c.Currency);
    }
}
