using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Speech;

namespace CloudReel.Core.Models;

public static class VideoModelCatalogExtensions
{
    /// <summary>
    /// The capabilities of every model that is configured here, by name: what validation and
    /// planning consult. A model without its keys cannot be ordered.
    /// </summary>
    public static IReadOnlyDictionary<string, ModelCapabilities> CapabilitiesByName(this IVideoModelCatalog catalog) =>
        catalog.All.Where(m => m.IsConfigured).ToDictionary(m => m.Capabilities.Name, m => m.Capabilities, StringComparer.Ordinal);

    /// <summary>Models known here but not configured, with what to set to use them.</summary>
    public static IReadOnlyDictionary<string, string> UnconfiguredModels(this IVideoModelCatalog catalog) =>
        catalog.All.Where(m => !m.IsConfigured).ToDictionary(
            m => m.Capabilities.Name, m => m.SetupHint ?? "it is not configured", StringComparer.Ordinal);

    /// <summary>
    /// The one order validation of this host: against <paramref name="files"/> (read through by <paramref name="probe"/> where there is one),
    /// the models configured here and, where the host has them, its speech providers' voice lists.
    /// </summary>
    public static OrderLoader OrderLoader(this IVideoModelCatalog catalog, IOrderFiles files, IMediaFileProbe? probe = null, ISpeechChoices? speech = null, ClipMeter? clipMeter = null) =>
        new(files, catalog.CapabilitiesByName(), catalog.UnconfiguredModels(), speech, probe, clipMeter);
}
