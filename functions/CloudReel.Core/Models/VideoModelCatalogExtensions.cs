namespace CloudReel.Core.Models;

public static class VideoModelCatalogExtensions
{
    /// <summary>Every known model's capabilities by name: what validation and planning consult.</summary>
    public static IReadOnlyDictionary<string, ModelCapabilities> CapabilitiesByName(this IVideoModelCatalog catalog) =>
        catalog.All.ToDictionary(m => m.Capabilities.Name, m => m.Capabilities, StringComparer.Ordinal);
}
