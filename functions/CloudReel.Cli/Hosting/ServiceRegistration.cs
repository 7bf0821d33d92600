using CloudReel.Azure.Storage;
using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Local.Coordination;
using CloudReel.Local.Store;
using CloudReel.Media;
using CloudReel.Media.Animatic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Hosting;

/// <summary>What the local home adds to <see cref="CloudReel.Hosting.CloudReelServices.AddCloudReel"/>: its store, queue and media engine.</summary>
public static class ServiceRegistration
{
    /// <summary>Where clips, orders, the job ledger, film budgets and film outputs live, and the model slots films share in this process.</summary>
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
        services.AddSingleton<IModelSlots, ProcessModelSlots>();
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
        services.AddFfmpegMediaEngine(configuration, home.ScratchPath);
        services.AddSingleton<IVideoModel>(sp => ActivatorUtilities.CreateInstance<AnimaticVideoModel>(sp, home.AnimaticWorkPath));
        return services;
    }
}
