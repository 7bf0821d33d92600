using CloudReel.Azure.Queue;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Core.Workflow;
using CloudReel.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Functions.Tests;

/// <summary>The Functions app's storage composition, run against Azurite as `func start` would be (Storage:ConnectionString).</summary>
public sealed class StorageCompositionTests : IAsyncLifetime
{
    private Azurite? _azurite;

    private Azurite Server => _azurite!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task AddCloudReelStorage_FromAConnectionString_ServesTheClipStoreSlotsBudgetsAndAssemblyQueueOnOneAccount()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AppSettings.StorageConnectionString] = Server.ConnectionString,
            [AppSettings.AssemblyQueue] = "assembly-jobs",
        }).Build();
        await using var services = new ServiceCollection().AddCloudReelStorage(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<IClipStore>();
        var queue = services.GetRequiredService<AssemblyJobQueue>();
        var key = new string('a', 64);

        var written = await store.PutTextAsync(StoreLayout.ClipRecord(key), "{}", "application/json", overwrite: false);
        var slot = await services.GetRequiredService<IModelSlots>().TryAcquireAsync("animatic", key, 1);
        var budget = await services.GetRequiredService<IFilmBudget>().TryReserveAsync("film-1", key, 1m, 5m);
        await queue.EnsureQueuesAsync();
        await queue.SendAsync(new AssemblyJob("film-1", new FilmTimeline { FilmId = "film-1", Title = "One", OutputName = "one", Fps = 30, Aspect = AspectRatio.Landscape, Size = new FrameSize(320, 180), Clips = [] }), DateTime.UtcNow);

        written.Should().BeTrue();
        slot.Should().BeTrue();
        budget.Granted.Should().BeTrue();
        services.GetRequiredService<StorageAccount>().Name.Should().Be(Azurite.AccountName);
        (await store.ListAsync("budgets/")).Should().Equal("budgets/film-1.json");
        (await queue.ReceiveAsync(TimeSpan.FromSeconds(30)))!.Message.FilmId.Should().Be("film-1");
    }
}
