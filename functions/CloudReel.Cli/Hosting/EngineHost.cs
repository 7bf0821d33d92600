using CloudReel.Core.Intake;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Hosting;
using CloudReel.Hosting.Settings;
using CloudReel.Local.Engine;
using CloudReel.Local.Runtime;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudReel.Cli.Hosting;

/// <summary>
/// Wires the film workflow onto the local engine: the folder clip store, FFmpeg, the models, and
/// every activity the workflow names. One per command run.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineHost(ServiceProvider services, LocalWorkflowEngine engine)
    {
        _services = services;
        Engine = engine;
    }

    public LocalWorkflowEngine Engine { get; }

    public IClipStore Store => _services.GetRequiredService<IClipStore>();

    public IVideoModelCatalog Models => _services.GetRequiredService<IVideoModelCatalog>();

    /// <summary>Everything the activities share (store, models, model slots…), for hosts that serve more than one film.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Opens the journal and wires every activity; <paramref name="filmsRoot"/> is where film outputs go (the -o folder).</summary>
    public static async Task<EngineHost> StartAsync(
        CloudReelHome home, string filmsRoot, ILoggerFactory loggerFactory, IAssemblyProgressSink progressSink, CancellationToken cancellationToken, StoreLocation? store = null)
    {
        home.EnsureCreated();
        var services = BuildServices(home, CliConfiguration.Build(home), filmsRoot, loggerFactory, progressSink, store);
        var engine = await LocalWorkflowEngine.OpenAsync(
            new LocalEngineOptions { JournalPath = home.JournalPath, LoggerFactory = loggerFactory, MaxConcurrentActivities = 4 },
            new DurableTaskRegistry().AddFilmWorkflow(),
            services,
            cancellationToken);
        return new EngineHost(services, engine);
    }

    public async ValueTask DisposeAsync()
    {
        _services.GetRequiredService<LocalLifetime>().StopApplication();
        await Engine.DisposeAsync();
        await _services.DisposeAsync();
    }

    /// <summary>The same services, for commands that need models or the store without an engine.</summary>
    public static ServiceProvider BuildServices(
        CloudReelHome home, IConfiguration configuration, string filmsRoot, ILoggerFactory loggerFactory, IAssemblyProgressSink progressSink, StoreLocation? store = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LocalLifetime>();
        services.AddSingleton<IHostApplicationLifetime>(sp => sp.GetRequiredService<LocalLifetime>());
        services.AddSingleton(progressSink);
        services.AddClipStorage(home, filmsRoot, store);
        services.AddAssemblyQueue(configuration);
        services.AddMediaEngine(home, configuration);
        services.AddSingleton(new FilmIntakeOptions { OutputRoot = filmsRoot, Store = store?.Remembered });
        services.AddCloudReel(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            provider.CheckSettings();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
