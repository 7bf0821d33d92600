using System.Net;
using System.Net.Sockets;
using CloudReel.Api;
using CloudReel.Api.Tests.Support;
using CloudReel.Core.Intake;
using CloudReel.Core.Tests.Workflow;
using CloudReel.Core.Workflow;
using CloudReel.Functions.Events;
using CloudReel.Functions.Http;
using CloudReel.Local.Coordination;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Functions.Tests.Support;

/// <summary>
/// What the Functions host hands the app's function classes, without the host: a real
/// <see cref="DurableTaskClient"/> (Durable Task's in-process test host, a real dispatcher behind gRPC on a
/// loopback port, with the app's JSON shape as data converter) and the API's shared services over an
/// in-memory clip store, with queued assembly on as the app configures it. The film orchestration is
/// <see cref="StubFilmOrchestration"/>: these tests are about the functions, not the workflow.
/// </summary>
public sealed class FunctionsHost : IAsyncLifetime
{
    private DurableTaskTestHost _durable = null!;

    internal MemoryClipStore Store { get; } = new();

    public ApiOptions Options { get; } = new() { QueuedAssemblyTimeoutMinutes = 60 };

    public DurableTaskClient Client => _durable.Client;

    public ApiFunctions Api => new(Services);

    public EventFunctions Events => new(Services);

    public StudioFunctions Studio => new(Services);

    private FilmApiServices Services => new(
        Store, TestModels.Catalog, new ProcessModelSlots(), Options, TimeProvider.System,
        new FilmIntake(Store, TestModels.Catalog, new RefusingImageFetcher(), new FilmIntakeOptions { QueuedAssemblyTimeout = Options.QueuedAssemblyTimeout }));

    public async Task InitializeAsync() =>
        _durable = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddOrchestrator(StubFilmOrchestration.Name, () => new StubFilmOrchestration()),
            new DurableTaskTestHostOptions
            {
                Port = FreeLoopbackPort(),
                // The worker and the client resolve the data converter from the services, as the Functions app's worker does.
                ConfigureServices = services => services.AddSingleton<DataConverter>(new JsonDataConverter(WorkflowJson.Options)),
            });

    public async Task DisposeAsync() => await _durable.DisposeAsync();

    /// <summary>Starts a film the way the app does (instance id = film id), for tests that begin further on.</summary>
    public Task StartFilmAsync(string filmId) =>
        Client.ScheduleNewOrchestrationInstanceAsync(
            StubFilmOrchestration.Name, new FilmRequest(filmId, $"orders/{filmId}/order.yaml"), new StartOrchestrationOptions(filmId));

    /// <summary>The film once it has ended (completed, failed or terminated).</summary>
    public async Task<OrchestrationMetadata> EndedAsync(string filmId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(filmId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>The film once its custom status shows <paramref name="stage"/>.</summary>
    public async Task<OrchestrationMetadata> AtStageAsync(string filmId, string stage)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var film = await Client.GetInstanceAsync(filmId, getInputsAndOutputs: true);
            if (film?.ReadCustomStatusAs<FilmProgress>()?.Stage == stage) return film;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Film {filmId} did not reach stage {stage} (it is {film?.RuntimeStatus}, {film?.SerializedCustomStatus}).");
            await Task.Delay(50);
        }
    }

    /// <summary>Every film instance whose id starts with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<OrchestrationMetadata>> FilmsAsync(string prefix)
    {
        var films = new List<OrchestrationMetadata>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, FetchInputsAndOutputs = true }))
        {
            if (instance.Name == StubFilmOrchestration.Name && instance.InstanceId.StartsWith(prefix, StringComparison.Ordinal)) films.Add(instance);
        }

        return films;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
