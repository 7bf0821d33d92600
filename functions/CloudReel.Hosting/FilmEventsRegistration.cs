using Azure;
using Azure.Identity;
using CloudReel.Azure.Events;
using CloudReel.Azure.Webhooks;
using CloudReel.Core.Events;
using CloudReel.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Hosting;

/// <summary>Where film events go, the same in both homes.</summary>
public static class FilmEventsRegistration
{
    /// <summary>
    /// From the "Events" section: an Event Grid topic (Events:EventGrid:Endpoint, and Key or else the host's
    /// identity: the managed identity in Azure, az login here) and webhooks (Events:Webhooks:0:Url, …:Secret),
    /// and how long the links in film.completed live. Nothing configured: nothing is sent.
    /// </summary>
    public static IServiceCollection AddFilmEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Events").Get<FilmEventsOptions>() ?? new FilmEventsOptions();
        services.AddSingleton(new EventLinkOptions { LinkLifetime = TimeSpan.FromHours(options.LinkLifetimeHours) });
        if (options.EventGrid?.Endpoint is { } endpoint)
        {
            services.AddSingleton<IFilmEventPublisher>(options.EventGrid.Key is { Length: > 0 } key
                ? new EventGridFilmPublisher(endpoint, new AzureKeyCredential(key))
                : new EventGridFilmPublisher(endpoint, new DefaultAzureCredential()));
        }

        if (options.Webhooks.Count > 0)
        {
            services.AddHttpClient(nameof(WebhookPublisher));
            foreach (var webhook in options.Webhooks)
            {
                services.AddSingleton<IFilmEventPublisher>(sp => new WebhookPublisher(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(WebhookPublisher)), webhook));
            }
        }

        return services;
    }
}
