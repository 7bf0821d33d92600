using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CloudReel.Azure.Events;

/// <summary>
/// Where film events go (configuration section "Events"): an Event Grid topic, webhooks, and how
/// long the links in film.completed live. Nothing configured: nothing is sent.
/// </summary>
public sealed class FilmEventsOptions
{
    public EventGridOptions? EventGrid { get; set; }

    [ValidateEnumeratedItems]
    public List<WebhookOptions> Webhooks { get; set; } = [];

    /// <summary>Hours the read links in film.completed stay valid (at most 168).</summary>
    [Range(0.1, 168)]
    public double LinkLifetimeHours { get; set; } = 24;
}

/// <summary>An Event Grid custom topic (CloudEvents 1.0 schema): its endpoint, and an access key or none (then Entra ID).</summary>
public sealed class EventGridOptions
{
    /// <summary>e.g. https://cloudreel-events.westeurope-1.eventgrid.azure.net/api/events.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The topic's access key; without one the host's identity (managed identity in Azure) is used.</summary>
    public string? Key { get; set; }
}

/// <summary>One webhook: its https URL and its Standard Webhooks secret ("whsec_" + base64).</summary>
public sealed class WebhookOptions
{
    [Required(ErrorMessage = "Every webhook needs its Url.")]
    public Uri? Url { get; set; }

    [Required(ErrorMessage = "Every webhook needs its Secret (whsec_ + base64), to sign what it is sent.")]
    public string? Secret { get; set; }

    /// <summary>Deliveries tried before giving up (the first included).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 4;
}
