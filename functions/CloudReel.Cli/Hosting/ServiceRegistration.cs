using Azure;
using Azure.Identity;
using CloudReel.Azure.Events;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Webhooks;
using CloudReel.Core.Events;
using CloudReel.Core.Intake;
using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Local.Coordination;
using CloudReel.Local.Store;
using CloudReel.Media;
using CloudReel.Media.Animatic;
using CloudReel.Media.Assembly;
using CloudReel.Models.Configuration;
using CloudReel.Models.Fetching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Hosting;

/// <summary>The CLI's composition root, one concern per method.</summary>
public static class ServiceRegistration
{
    /// <summary>Where clips, orders, the job ledger, film budgets and film outputs live.</summary>
    public static IServiceCollection AddClipStorage(this IServiceCollection services, CloudReelHome home, string filmsRoot, StoreLocation? store = null)
    {
        if (store?.Kind is null or StoreKind.Folder)
        {
            services.AddSingleton<IClipStore>(new FolderClipStore(store?.Value ?? home.StorePath, filmsRoot));
        }
        else
        {
            var account = BlobStores.Account(store);
            services.AddSingleton(account);
            services.AddSingleton<IClipStore>(BlobStores.Create(account, home.BlobCachePath));
        }

        services.AddSingleton<JobLedger>();
        services.AddSingleton<IFilmBudget, StoreFilmBudget>();
        return services;
    }

    /// <summary>
    /// The assembly queue (section Assembly: Queue, MaxDequeueCount) on the Blob store's account, for
    /// films that are assembled by the assembler container instead of in this process. Needs a Blob
    /// `--store`; nothing is registered otherwise (films assemble here, the default).
    /// </summary>
    public static IServiceCollection AddAssemblyQueue(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Assembly:Queue"] is not { Length: > 0 } queue) return services;
        services.AddSingleton(sp => sp.GetService<StorageAccount>() is { } account
            ? new Azure.Queue.AssemblyJobQueue(account.Queues, sp.GetRequiredService<IClipStore>(), queue,
                int.TryParse(configuration["Assembly:MaxDequeueCount"], out var tries) ? tries : 5)
            : throw new InvalidOperationException("Assembly:Queue needs the clip store in Blob Storage (--store): the assembler container reads the job from there."));
        services.AddSingleton<IAssemblyQueue>(sp => sp.GetRequiredService<Azure.Queue.AssemblyJobQueue>());
        return services;
    }

    /// <summary>FFmpeg behind the media ports with its options (section "Assembly"), scratch folders in the home, and the animatic model.</summary>
    public static IServiceCollection AddMediaEngine(this IServiceCollection services, CloudReelHome home, IConfiguration configuration)
    {
        services.AddFfmpegMediaEngine(configuration.GetSection(AssemblyOptions.Section).Get<AssemblyOptions>() ?? new AssemblyOptions(), home.ScratchPath);
        services.AddSingleton<IVideoModel>(sp => ActivatorUtilities.CreateInstance<AnimaticVideoModel>(sp, home.AnimaticWorkPath));
        return services;
    }

    /// <summary>
    /// Every video service (section Models), each registered as <see cref="IVideoModel"/>, configured
    /// or not; with the animatic from <see cref="AddMediaEngine"/>, the catalog of them all by name.
    /// </summary>
    public static IServiceCollection AddVideoModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelCatalog(configuration);
        services.AddEspeakSpeech(configuration["Speech:Espeak:Path"]);
        return services;
    }

    /// <summary>How films come in (validated, staged, started), with the guarded fetcher of reference-image URLs.</summary>
    public static IServiceCollection AddFilmIntake(this IServiceCollection services, FilmIntakeOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<SafeImageFetcher>();
        services.AddSingleton<IReferenceImageFetcher>(sp => sp.GetRequiredService<SafeImageFetcher>());
        services.AddSingleton<FilmIntake>();
        return services;
    }

    /// <summary>Every activity the film workflow calls, created per call, and what they share in the process.</summary>
    public static IServiceCollection AddFilmWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<IModelSlots, ProcessModelSlots>();
        foreach (var type in FilmWorkflow.Activities)
        {
            services.AddTransient(type);
        }

        return services;
    }

    /// <summary>
    /// Where film events go, from the "Events" section: an Event Grid topic (Events:EventGrid:Endpoint,
    /// and Key or else Entra ID) and webhooks (Events:Webhooks:0:Url, Events:Webhooks:0:Secret, …).
    /// Nothing configured: nothing is sent. Publishers are built now, so a bad setting fails at start.
    /// </summary>
    public static IServiceCollection AddFilmEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Events").Get<FilmEventsOptions>() ?? new FilmEventsOptions();
        services.AddSingleton(new EventLinkOptions { LinkLifetime = TimeSpan.FromHours(Math.Clamp(options.LinkLifetimeHours, 0.1, 168)) });
        if (options.EventGrid?.Endpoint is { } endpoint)
        {
            services.AddSingleton<IFilmEventPublisher>(options.EventGrid.Key is { Length: > 0 } key
                ? new EventGridFilmPublisher(endpoint, new AzureKeyCredential(key))
                : new EventGridFilmPublisher(endpoint, new DefaultAzureCredential()));
        }

        if (options.Webhooks.Count > 0)
        {
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            services.AddSingleton(new WebhookHttp(http));
            foreach (var webhook in options.Webhooks)
            {
                services.AddSingleton<IFilmEventPublisher>(new WebhookPublisher(http, webhook));
            }
        }

        return services;
    }

    /// <summary>The webhooks' shared HttpClient, owned (and disposed) by the container.</summary>
    private sealed class WebhookHttp(HttpClient client) : IDisposable
    {
        public void Dispose() => client.Dispose();
    }
}
