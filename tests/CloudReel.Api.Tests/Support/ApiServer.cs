using System.Net.Http.Headers;
using CloudReel.Api.Http;
using CloudReel.Azure.Inbound;
using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using CloudReel.Core.Planning;
using CloudReel.Core.Tests.Workflow;
using CloudReel.Local.Coordination;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudReel.Api.Tests.Support;

/// <summary>
/// The API's routes on a real Kestrel at 127.0.0.1 (a free port), over an in-memory runtime and store:
/// requests go through the same endpoint mapping, filters and result execution as `cloudreel serve`.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    public const string Key = "test-key-5b1d";

    private readonly WebApplication _app;

    private ApiServer(WebApplication app, Uri address, MemoryFilmRuntime runtime, MemoryClipStore store, ProcessModelSlots slots, FilmApi api)
    {
        _app = app;
        Runtime = runtime;
        Store = store;
        Slots = slots;
        Api = api;
        Client = new HttpClient { BaseAddress = address };
        Client.DefaultRequestHeaders.Add(ApiKeyCheck.Header, Key);
        Anonymous = new HttpClient { BaseAddress = address };
    }

    public MemoryFilmRuntime Runtime { get; }

    public MemoryClipStore Store { get; }

    public ProcessModelSlots Slots { get; }

    public FilmApi Api { get; }

    /// <summary>Sends the API key.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no key.</summary>
    public HttpClient Anonymous { get; }

    public IEnumerable<RouteEndpoint> Endpoints => _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    public static async Task<ApiServer> StartAsync(ApiOptions? options = null)
    {
        var runtime = new MemoryFilmRuntime();
        var store = new MemoryClipStore();
        var slots = new ProcessModelSlots();
        options ??= new ApiOptions();
        options.Key = Key;
        var intake = new FilmIntake(store, TestModels.Catalog, new RefusingImageFetcher(), new FilmIntakeOptions { QueuedAssemblyTimeout = options.QueuedAssemblyTimeout }, speech: TestVoices.Choices);
        var preview = new PlanPreview(TestModels.Catalog, new FilmPlanner(new RuleBasedShotPlanner()), store);
        var api = new FilmApi(runtime, new FilmApiServices(store, TestModels.Catalog, slots, options, TimeProvider.System, intake, preview: preview, expander: new TemplateBatchExpander(TestModels.Catalog)));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapFilmApi(api, new ApiKeyCheck(Key), new InboundEventParser());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiServer(app, new Uri(address + "/"), runtime, store, slots, api);
    }

    public static StringContent Yaml(string text) => new(text, new MediaTypeHeaderValue("application/yaml"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
