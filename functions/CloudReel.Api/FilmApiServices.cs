using CloudReel.Api.Links;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Models.Fetching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Api;

/// <summary>
/// What the API needs besides the film runtime, shared by every request: the clip store, the models,
/// the model slots, the settings and the clock. Registered once per host; the runtime may be per request
/// (the Functions app gets its Durable client per invocation).
/// </summary>
public sealed class FilmApiServices(
    IClipStore store,
    IVideoModelCatalog models,
    IModelSlots slots,
    ApiOptions options,
    TimeProvider time,
    ILoggerFactory? loggerFactory = null,
    Func<SafeImageFetcher>? imageFetchers = null)
{
    public IClipStore Store => store;

    public IVideoModelCatalog Models => models;

    public IModelSlots Slots => slots;

    public ApiOptions Options => options;

    public TimeProvider Time => time;

    public ILoggerFactory LoggerFactory => loggerFactory ?? NullLoggerFactory.Instance;

    /// <summary>Makes the guarded fetcher of reference-image URLs (tests point it at their own resolver).</summary>
    public Func<SafeImageFetcher>? ImageFetchers => imageFetchers;

    public OutputLinks Links { get; } = new(store, OutputLinks.KeyFrom(options), time, TimeSpan.FromHours(options.LinkLifetimeHours));
}
