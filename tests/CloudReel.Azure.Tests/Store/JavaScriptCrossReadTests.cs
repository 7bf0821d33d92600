using System.Text.Json;
using Azure.Storage;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Ports;

namespace CloudReel.Azure.Tests.Store;

/// <summary>
/// Blobs cross-read with Azure's own JavaScript SDK (@azure/storage-blob from npm). That SDK cannot
/// pin a service version and speaks a newer one than Azurite 3.37 knows, so this class has an Azurite
/// of its own started with --skipApiVersionCheck; CloudReel's side still sends its pinned version.
/// </summary>
public sealed class JavaScriptCrossReadTests : IAsyncLifetime, IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("crossread-cache-").FullName;
    private readonly BlobContainers _containers = new($"clips-{Guid.NewGuid():N}"[..14], $"films-{Guid.NewGuid():N}"[..14], $"orders-{Guid.NewGuid():N}"[..15]);
    private Azurite? _azurite;
    private BlobClipStore? _store;

    private Azurite Server => _azurite!;

    private BlobClipStore Store => _store!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync(skipApiVersionCheck: true);
        _store = new BlobClipStore(_azurite.Account.Blobs, _cache, new BlobClipStoreOptions
        {
            Containers = _containers,
            Transfer = new StorageTransferOptions { InitialTransferSize = 256 * 1024, MaximumTransferSize = 256 * 1024, MaximumConcurrency = 4 },
        });
        await _store.EnsureContainersAsync();
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task BlobsWrittenHere_AreReadByAzuresJavaScriptSdk()
    {
        var bytes = TestData.Bytes((1024 * 1024) + 7);
        await Store.PutAsync(StoreLayout.FilmOutput("film-1", "小样 1.mp4"), new ForwardOnlyStream(bytes), "video/mp4", overwrite: true);

        var (exit, output, errors) = await NodePeers.RunScriptAsync("blob-crosscheck.mjs", ["read", Server.ConnectionString, _containers.Films, "film-1/小样 1.mp4"]);

        exit.Should().Be(0, errors);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("sha256").GetString().Should().Be(TestData.Sha256(bytes).ToLowerInvariant());
        json.RootElement.GetProperty("contentType").GetString().Should().Be("video/mp4");
    }

    [Fact]
    public async Task BlobsWrittenByAzuresJavaScriptSdk_AreReadHere()
    {
        var bytes = TestData.Bytes((900 * 1024) + 3, seed: 5);
        var file = Path.Combine(_cache, "film.bin");
        await File.WriteAllBytesAsync(file, bytes);

        var (exit, output, errors) = await NodePeers.RunScriptAsync("blob-crosscheck.mjs", ["write", Server.ConnectionString, _containers.Films, "from-js/film 1.mp4", file, "video/mp4"]);
        exit.Should().Be(0, errors);
        output.Should().Contain("\"blocks\":4");

        await using var read = await Store.OpenReadAsync(StoreLayout.FilmOutput("from-js", "film 1.mp4"));
        TestData.Sha256(await TestData.ReadAllAsync(read)).Should().Be(TestData.Sha256(bytes));
        var local = await Store.GetLocalPathAsync(StoreLayout.FilmOutput("from-js", "film 1.mp4"));
        TestData.Sha256(await File.ReadAllBytesAsync(local)).Should().Be(TestData.Sha256(bytes));
    }

    public void Dispose() => Directory.Delete(_cache, recursive: true);
}
