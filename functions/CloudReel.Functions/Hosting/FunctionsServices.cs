using Azure.Identity;
using CloudReel.Api;
using CloudReel.Azure.Coordination;
using CloudReel.Azure.Queue;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Store;
using CloudReel.Core.Intake;
using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Quality;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Images;
using CloudReel.Media.Probing;
using CloudReel.Media.Quality;
using CloudReel.Media.Scratch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudReel.Functions.Hosting;

/// <summary>What the Azure home adds to <see cref="CloudReel.Hosting.CloudReelServices.AddCloudReel"/>, one concern per method; every setting it reads is in <see cref="AppSettings"/>.</summary>
public static class FunctionsServices
{
    /// <summary>Blob clip store, assembly queue, model slots and film budgets, all on one account through the managed identity.</summary>
    public static IServiceCollection AddCloudReelStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var account = configuration[AppSettings.StorageConnectionString] is { Length: > 0 } connection
            ? StorageAccount.FromConnectionString(connection)
            : StorageAccount.FromBlobEndpoint(
                new Uri(configuration[AppSettings.BlobEndpoint] ?? throw new InvalidOperationException($"Set {AppSettings.BlobEndpoint} (the clip store's Blob endpoint).")),
                new DefaultAzureCredential());
        var blobs = account.Blobs;
        var store = new BlobClipStore(blobs, Path.Combine(Path.GetTempPath(), "cloudreel", "blobs"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(account);
        services.AddSingleton<IClipStore>(store);
        services.AddSingleton<IScratchSpace>(new LocalScratchSpace());
        services.AddSingleton<JobLedger>();
        services.AddSingleton<IFilmBudget>(new BlobFilmBudget(blobs));
        var staleAfter = double.TryParse(configuration[AppSettings.SlotStaleAfterHours], System.Globalization.CultureInfo.InvariantCulture, out var hours)
            ? TimeSpan.FromHours(hours)
            : BlobModelSlots.DefaultStaleAfter;
        services.AddSingleton<IModelSlots>(sp => new BlobModelSlots(blobs, sp.GetRequiredService<TimeProvider>(), staleAfter));
        var queue = new AssemblyJobQueue(account.Queues, store, configuration[AppSettings.AssemblyQueue] ?? AssemblyJobQueue.DefaultQueueName);
        services.AddSingleton(queue);
        services.AddSingleton<IAssemblyQueue>(queue);
        return services;
    }

    /// <summary>ffprobe and ffmpeg (shipped in tools/) check every clip; films are assembled by the assembler container.</summary>
    public static IServiceCollection AddCloudReelMedia(this IServiceCollection services)
    {
        // FFMPEG_PATH / FFPROBE_PATH still win when set (e.g. to try another build).
        services.AddSingleton(_ => FfmpegTools.Locate(name => Environment.GetEnvironmentVariable(name) is { Length: > 0 } set ? set : name switch
        {
            "FFMPEG_PATH" => BundledTools.PathOf("ffmpeg"),
            "FFPROBE_PATH" => BundledTools.PathOf("ffprobe"),
            _ => Environment.GetEnvironmentVariable(name),
        }));
        services.AddSingleton<FfmpegRunner>();
        services.AddSingleton<FfprobeClipProber>();
        services.AddSingleton<IImageFitter, FfmpegImageFitter>();
        services.AddSingleton<IMediaEngine, ProbeOnlyMediaEngine>();
        services.AddSingleton<IClipChecker, FfmpegClipChecker>();
        services.AddSingleton<IClipFrames, FfmpegClipFrames>();
        services.AddSingleton<IMediaFileProbe, FfmpegMediaFileProbe>();
        services.AddSingleton<IAssemblyProgressSink>(NullAssemblyProgressSink.Instance);
        return services;
    }

    /// <summary>
    /// How this home makes films (assembled by the assembler container) and the HTTP API's shared services
    /// (section Api, bound by AddCloudReel); each invocation pairs them with its Durable client.
    /// </summary>
    public static IServiceCollection AddCloudReelApi(this IServiceCollection services)
    {
        // Films started here are assembled by the assembler container: they wait an hour for it unless told otherwise.
        services.PostConfigure<ApiOptions>(options => options.QueuedAssemblyTimeoutMinutes ??= 60);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ApiOptions>>().Value);
        services.AddSingleton(sp => new FilmIntakeOptions { QueuedAssemblyTimeout = sp.GetRequiredService<ApiOptions>().QueuedAssemblyTimeout });
        services.AddSingleton(sp => new FilmApiServices(
            sp.GetRequiredService<IClipStore>(), sp.GetRequiredService<IVideoModelCatalog>(), sp.GetRequiredService<IModelSlots>(), sp.GetRequiredService<ApiOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<FilmIntake>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(),
            sp.GetRequiredService<CloudReel.Core.Planning.PlanPreview>(), sp.GetRequiredService<CloudReel.Core.Batches.IBatchExpander>()));
        return services;
    }
}
