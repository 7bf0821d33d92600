using CloudReel.Cli.Hosting;
using CloudReel.Cli.Orders;
using CloudReel.Core.Intake;
using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Hosting;
using CloudReel.Local.Coordination;
using CloudReel.Local.Store;
using CloudReel.Media.Ffmpeg;
using CloudReel.Models.Configuration;
using CloudReel.Models.Fetching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>
/// What a scenario's films are made with, in either home: a folder clip store in a temp folder (whose first
/// storyboard write fails), FFmpeg, the animatic model and three scripted services, composed as the CLI
/// composes them. Orders are staged as the CLI stages them.
/// </summary>
internal sealed class ScenarioWorld : IDisposable
{
    private readonly CloudReelHome _home = new(Path.Combine(Path.GetTempPath(), "cloudreel-scenarios", Guid.NewGuid().ToString("n")));

    public ScenarioWorld()
    {
        _home.EnsureCreated();
        Store = new FlakyStore(new FolderClipStore(_home.StorePath, Path.Combine(_home.Root, "out")));
        Metered = new MeteredModel(Path.Combine(_home.Root, "metered.mp4"));
        Takes = new TakesModel(Path.Combine(_home.Root, "takes"));
    }

    public FlakyStore Store { get; }

    public MeteredModel Metered { get; }

    public StallingModel Stalling { get; } = new();

    public TakesModel Takes { get; }

    public string JournalPath => _home.JournalPath;

    /// <summary>Every service the workflow's activities use.</summary>
    public void AddServices(IServiceCollection services)
    {
        var configuration = new ConfigurationBuilder().Build();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IAssemblyProgressSink>(NullAssemblyProgressSink.Instance);
        services.AddSingleton<IClipStore>(Store);
        services.AddSingleton<JobLedger>();
        services.AddSingleton<IFilmBudget, StoreFilmBudget>();
        services.AddMediaEngine(_home, configuration);
        services.AddSingleton<IVideoModel>(new RefusingModel());
        services.AddSingleton<IVideoModel>(Metered);
        services.AddSingleton<IVideoModel>(Stalling);
        services.AddSingleton<IVideoModel>(Takes);
        services.AddSingleton<IVideoModelCatalog>(sp => new VideoModelCatalog(sp.GetServices<IVideoModel>()));
        services.AddFilmPlanning(configuration);
        services.AddSingleton<IModelSlots, ProcessModelSlots>();
        services.AddFilmActivities();
        services.AddFilmEvents(configuration);
    }

    /// <summary>The one-second clip the metered service hands back.</summary>
    public Task MakeMeteredClipAsync() =>
        new FfmpegRunner(FfmpegTools.Locate(), NullLogger<FfmpegRunner>.Instance).RunAsync(
            ["-y", "-f", "lavfi", "-i", "testsrc=size=256x144:rate=24:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", Path.Combine(_home.Root, "metered.mp4")]);

    /// <summary>A small picture at <paramref name="relativePath"/> beside the scenario orders (e.g. a character's).</summary>
    public Task MakeOrderPictureAsync(string relativePath)
    {
        var path = Path.Combine(_home.Root, "orders", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FfmpegRunner(FfmpegTools.Locate(), NullLogger<FfmpegRunner>.Instance).RunAsync(
            ["-y", "-f", "lavfi", "-i", "color=c=orange:size=64x64", "-frames:v", "1", path]);
    }

    /// <summary>Writes the order, checks it and stages it as `cloudreel render` does; returns the film's request.</summary>
    public async Task<FilmRequest> StageAsync(string filmId, string orderYaml, IVideoModelCatalog models)
    {
        var path = Path.Combine(_home.Root, "orders", filmId + ".yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, orderYaml);
        using var fetcher = new SafeImageFetcher();
        var intake = new FilmIntake(Store, models, fetcher, new FilmIntakeOptions());
        var loaded = await OrderFile.LoadAsync(path, intake, CancellationToken.None);
        if (!loaded.Result.IsValid) throw new InvalidOperationException(string.Join("; ", loaded.Result.Errors));
        var orderName = await intake.StageAsync(filmId, loaded.Document, loaded.Result.Order, loaded.Files, CancellationToken.None);
        return intake.Request(filmId, orderName, loaded.Result.Order!.Title, path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home.Root, recursive: true);
        }
        catch (IOException)
        {
            // A home still closing its journal may hold a file a moment longer; temp folders are cleaned eventually.
        }
    }
}
