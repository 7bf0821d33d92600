using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Local.Scratch;
using CloudReel.Local.Store;
using CloudReel.Media.Animatic;
using CloudReel.Media.Assembly;
using CloudReel.Media.Assembly.Clean;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using CloudReel.Media.Probing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Hosting;

/// <summary>The CLI's composition root, one concern per method.</summary>
public static class ServiceRegistration
{
    /// <summary>Where clips, orders, the job ledger and film outputs live; scratch space for tools.</summary>
    public static IServiceCollection AddClipStorage(this IServiceCollection services, CloudReelHome home, string filmsRoot)
    {
        services.AddSingleton<IClipStore>(new FolderClipStore(home.StorePath, filmsRoot));
        services.AddSingleton<IScratchSpace>(new LocalScratchSpace(home.ScratchPath));
        services.AddSingleton<JobLedger>();
        return services;
    }

    /// <summary>FFmpeg behind the media-engine port, its options (section "Assembly"), the normalised-clip cache and the assembly job runner.</summary>
    public static IServiceCollection AddMediaEngine(this IServiceCollection services, CloudReelHome home)
    {
        services.AddSingleton(_ => FfmpegTools.Locate());
        services.AddSingleton<FfmpegRunner>();
        services.AddSingleton<FontLocator>();
        services.AddSingleton<FfprobeClipProber>();
        services.AddSingleton(sp => sp.GetService<IConfiguration>()?.GetSection(AssemblyOptions.Section).Get<AssemblyOptions>() ?? new AssemblyOptions());
        services.AddSingleton<INormalisedClipCache>(sp => new StoreNormalisedClipCache(sp.GetRequiredService<IClipStore>()));
        services.AddSingleton<IMediaEngine>(sp => ActivatorUtilities.CreateInstance<FfmpegMediaEngine>(sp));
        services.AddTransient<AssemblyJobRunner>();
        services.AddSingleton<IVideoModel>(sp => ActivatorUtilities.CreateInstance<AnimaticVideoModel>(sp, home.AnimaticWorkPath));
        return services;
    }

    /// <summary>Every video model registered as <see cref="IVideoModel"/>, by name.</summary>
    public static IServiceCollection AddVideoModels(this IServiceCollection services)
    {
        services.AddSingleton<IVideoModelCatalog>(sp => new VideoModelCatalog(sp.GetServices<IVideoModel>()));
        return services;
    }

    /// <summary>Every activity the film workflow calls, created per call.</summary>
    public static IServiceCollection AddFilmWorkflow(this IServiceCollection services)
    {
        foreach (var type in FilmWorkflow.Activities.Values)
        {
            services.AddTransient(type);
        }

        return services;
    }
}
