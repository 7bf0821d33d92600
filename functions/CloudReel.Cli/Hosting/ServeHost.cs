using System.Net;
using CloudReel.Api;
using CloudReel.Api.Http;
using CloudReel.Api.Studio;
using CloudReel.Azure.Inbound;
using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using CloudReel.Local.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudReel.Cli.Hosting;

/// <summary>
/// `cloudreel serve` running: the local engine (films run in this process, resumed at start), the
/// API of <see cref="FilmApi"/> on Kestrel with the API key, and the Event Grid webhook.
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EngineHost _engine;

    private ServeHost(WebApplication app, EngineHost engine, Uri address, string keySource, IReadOnlyList<string> resumed)
    {
        _app = app;
        _engine = engine;
        Address = address;
        KeySource = keySource;
        Resumed = resumed;
    }

    /// <summary>Where the API listens, e.g. http://127.0.0.1:5080/.</summary>
    public Uri Address { get; }

    /// <summary>Where the API key came from (configuration, or the file in the home); never the key.</summary>
    public string KeySource { get; }

    /// <summary>Films that were unfinished in the journal and carry on here.</summary>
    public IReadOnlyList<string> Resumed { get; }

    public IClipStore Store => _engine.Store;

    public static async Task<ServeHost> StartAsync(
        CliContext context, IPAddress address, int port, string filmsRoot, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var home = context.Home.EnsureCreated();
        var configuration = CliConfiguration.Build(home);
        var store = context.StoreOption is null ? null : StoreLocation.Parse(context.StoreOption);
        var engine = await EngineHost.StartAsync(home, filmsRoot, loggerFactory, NullAssemblyProgressSink.Instance, cancellationToken, store);
        try
        {
            var (key, keySource) = ServeApiKey.Resolve(configuration, home);
            var options = engine.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
            options.Key = key;
            if (engine.Services.GetService<Azure.Queue.AssemblyJobQueue>() is { } queue) await queue.EnsureQueuesAsync(cancellationToken);
            else if (options.QueuedAssemblyTimeoutMinutes is not null)
            {
                throw new FormatException("Api:QueuedAssemblyTimeoutMinutes hands films to the assembler container: set Assembly:Queue too, with a Blob --store.");
            }

            var runtime = new LocalFilmRuntime(engine.Engine);
            var intake = ActivatorUtilities.CreateInstance<FilmIntake>(engine.Services, engine.Services.GetRequiredService<FilmIntakeOptions>() with
            {
                QueuedAssemblyTimeout = options.QueuedAssemblyTimeout,
            });
            var services = new FilmApiServices(
                engine.Store, engine.Models, engine.Services.GetRequiredService<IModelSlots>(), options, TimeProvider.System, intake, loggerFactory,
                engine.Services.GetRequiredService<PlanPreview>(), engine.Services.GetRequiredService<IBatchExpander>());

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(loggerFactory);
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address, port));
            var app = builder.Build();
            app.MapFilmApi(new FilmApi(runtime, services), new ApiKeyCheck(key), new InboundEventParser());
            app.MapStudio();
            await app.StartAsync(cancellationToken);

            var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var resumed = await runtime.ResumeUnfinishedAsync(cancellationToken);
            return new ServeHost(app, engine, new Uri(listening.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"), keySource, resumed);
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _engine.DisposeAsync();
    }
}
