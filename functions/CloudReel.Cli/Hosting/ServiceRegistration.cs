using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Local.Scratch;
using CloudReel.Local.Store;
using CloudReel.Media.Animatic;
using CloudReel.Media.Assembly;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using CloudReel.Media.Probing;
using CloudReel.Models.Configuration;
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
        services.AddSingleton<IFilmBudget, StoreFilmBudget>();
        return services;
    }

    /// <summary>FFmpeg behind the media-engine port.</summary>
    public static IServiceCollection AddMediaEngine(this IServiceCollection services, CloudReelHome home)
    {
        services.AddSingleton(_ => FfmpegTools.Locate());
        services.AddSingleton<FfmpegRunner>();
        services.AddSingleton<FontLocator>();
        services.AddSingleton<FfprobeClipProber>();
        services.AddSingleton<IMediaEngine>(sp => ActivatorUtilities.CreateInstance<FfmpegMediaEngine>(sp));
        services.AddSingleton<IVideoModel>(sp => ActivatorUtilities.CreateInstance<AnimaticVideoModel>(sp, home.AnimaticWorkPath));
        return services;
    }

    /// <summary>
    /// Every video service (section Models), each registered as <see cref="IVideoModel"/>, configured
    /// or not; with the animatic from <see cref="AddMediaEngine"/>, the catalog of them all by name.
    /// </summary>
    public static IServiceCollection AddVideoModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVideoServices(configuration);
        services.AddSingleton<IVideoModelCatalog>(sp => new VideoModelCatalog(sp.GetServices<IVideoModel>()));
        return services;
    }

    /// <summary>The shot planner (section Planner: an Azure OpenAI chat deployment, else the rules), checked by <see cref="FilmPlanner"/>.</summary>
    public static IServiceCollection AddPlanner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddShotPlanner(configuration);
        services.AddSingleton<FilmPlanner>();
        return services;
    }

    /// <summary>Every activity the film workflow calls, created per call, and what they share in the process.</summary>
    public static IServiceCollection AddFilmWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<IModelSlots, ProcessModelSlots>();
        foreach (var type in FilmWorkflow.Activities.Values)
        {
            services.AddTransient(type);
        }

        return services;
    }
}
