using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Jobs;
using CloudReel.Core.Ports;

namespace CloudReel.Azure.Tests.Store;

/// <summary>The clip-store port on Blob Storage, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobClipStoreTests : IDisposable
{
    private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly string _cache = Directory.CreateTempSubdirectory("blob-cache-").FullName;
    private readonly BlobServiceClient _blobs;
    private readonly BlobContainers _containers;
    private readonly BlobClipStore _store;

    public BlobClipStoreTests(AzuriteFixture azurite)
    {
        _blobs = azurite.Server.Account.Blobs;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        _containers = new BlobContainers($"clips-{suffix}", $"films-{suffix}", $"orders-{suffix}");
        _store = new BlobClipStore(_blobs, _cache, new BlobClipStoreOptions
        {
            Containers = _containers,
            Transfer = new StorageTransferOptions { InitialTransferSize = 64 * 1024, MaximumTransferSize = 32 * 1024, MaximumConcurrency = 4 },
        });
    }

    [Fact]
    public async Task Put_WithoutOverwrite_KeepsTheFirstClipAndSaysSo()
    {
        (await _store.PutTextAsync(StoreLayout.ClipRecord(Key), "first", "application/json", overwrite: false)).Should().BeTrue();
        (await _store.PutTextAsync(StoreLayout.ClipRecord(Key), "second", "application/json", overwrite: false)).Should().BeFalse();

        (await _store.ReadTextAsync(StoreLayout.ClipRecord(Key))).Should().Be("first");
    }

    [Fact]
    public async Task Put_ManyWritersOfOneLargeClip_ExactlyOneWins()
    {
        var writes = Enumerable.Range(1, 4).Select(i => _store.PutAsync(StoreLayout.Clip(Key), new MemoryStream(TestData.Bytes(200 * 1024, i)), "video/mp4", overwrite: false));

        var results = await Task.WhenAll(writes);

        results.Count(won => won).Should().Be(1);
        (await _store.GetSizeAsync(StoreLayout.Clip(Key))).Should().Be(200 * 1024);
    }

    [Fact]
    public async Task Layout_MapsStoreNamesToTheThreeContainers()
    {
        await _store.PutTextAsync(StoreLayout.Clip(Key), "clip", "video/mp4", overwrite: true);
        await _store.PutTextAsync(StoreLayout.JobRecord(Key), "{}", "application/json", overwrite: true);
        await _store.PutTextAsync(StoreLayout.OrderFile("film-1", "refs/bund.jpg"), "jpg", "image/jpeg", overwrite: true);
        await _store.PutTextAsync(StoreLayout.FilmOutput("film-1", "report.json"), "{}", "application/json", overwrite: true);

        (await BlobNamesAsync(_containers.Clips)).Should().Equal($"{Key}.mp4", $"jobs/{Key}.json");
        (await BlobNamesAsync(_containers.Orders)).Should().Equal("film-1/refs/bund.jpg");
        (await BlobNamesAsync(_containers.Films)).Should().Equal("film-1/report.json");
        (await _blobs.GetBlobContainerClient(_containers.Films).GetBlobClient("film-1/report.json").GetPropertiesAsync()).Value.ContentType.Should().Be("application/json");
    }

    [Fact]
    public async Task List_ReturnsStoreNamesUnderThePrefixOnly()
    {
        await _store.PutTextAsync(StoreLayout.Clip(Key), "clip", "video/mp4", overwrite: true);
        await _store.PutTextAsync(StoreLayout.JobRecord(Key), "{}", "application/json", overwrite: true);
        await _store.PutTextAsync(StoreLayout.FilmOutput("film-1", "a.mp4"), "a", "video/mp4", overwrite: true);
        await _store.PutTextAsync(StoreLayout.FilmOutput("film-10", "b.mp4"), "b", "video/mp4", overwrite: true);

        (await _store.ListAsync(StoreLayout.ClipsPrefix)).Should().Equal(StoreLayout.Clip(Key));
        (await _store.ListAsync(StoreLayout.JobsPrefix)).Should().Equal(StoreLayout.JobRecord(Key));
        (await _store.ListAsync(StoreLayout.FilmFolder("film-1"))).Should().Equal("films/film-1/a.mp4");
        (await _store.ListAsync("")).Should().HaveCount(4);
    }

    [Fact]
    public async Task GetLocalPath_DownloadsOnceAndAgainOnlyWhenTheBlobChanges()
    {
        var name = StoreLayout.FilmOutput("film-2", "timeline.json");
        await _store.PutTextAsync(name, "v1", "application/json", overwrite: true);

        var first = await _store.GetLocalPathAsync(name);
        var again = await _store.GetLocalPathAsync(name);
        await _store.PutTextAsync(name, "v2", "application/json", overwrite: true);
        var changed = await _store.GetLocalPathAsync(name);

        again.Should().Be(first);
        Path.GetFileName(first).Should().Be("timeline.json");
        changed.Should().NotBe(first);
        (await File.ReadAllTextAsync(changed)).Should().Be("v2");
    }

    [Fact]
    public async Task Names_WithSpacesAndChinese_RoundTripThroughWritesListingsAndLinks()
    {
        var name = StoreLayout.OrderFile("film-4", "参考 图/外滩 (dusk).jpg");
        await _store.PutAsync(name, new MemoryStream([9, 8, 7]), "image/jpeg", overwrite: true);

        var listed = await _store.ListAsync(StoreLayout.OrdersPrefix);
        var link = await _store.GetReadLinkAsync(name, TimeSpan.FromMinutes(10));
        using var http = new HttpClient();

        listed.Should().Equal(name);
        (await http.GetByteArrayAsync(link)).Should().Equal(9, 8, 7);
    }

    [Fact]
    public async Task OpenRead_StreamsTheWholeBlob()
    {
        var name = StoreLayout.FilmOutput("film-5", "film.mp4");
        var bytes = TestData.Bytes(300 * 1024);
        await _store.PutAsync(name, new MemoryStream(bytes), "video/mp4", overwrite: true);

        await using var read = await _store.OpenReadAsync(name);

        TestData.Sha256(await TestData.ReadAllAsync(read)).Should().Be(TestData.Sha256(bytes));
    }

    [Fact]
    public async Task Delete_RemovesTheBlobAndIsHarmlessTwice()
    {
        var name = StoreLayout.FilmOutput("film-6", "gone.json");
        await _store.PutTextAsync(name, "{}", "application/json", overwrite: true);

        await _store.DeleteAsync(name);
        await _store.DeleteAsync(name);

        (await _store.ExistsAsync(name)).Should().BeFalse();
    }

    [Fact]
    public async Task GetReadLink_IsASasLinkAPlainHttpClientCanFetch()
    {
        var name = StoreLayout.FilmOutput("film-3", "film.16x9.mp4");
        await _store.PutAsync(name, new MemoryStream(TestData.Bytes(100)), "video/mp4", overwrite: true);

        var link = await _store.GetReadLinkAsync(name, TimeSpan.FromMinutes(10));
        using var http = new HttpClient();

        (await http.GetByteArrayAsync(link)).Should().Equal(TestData.Bytes(100));
    }

    [Fact]
    public async Task OpenRead_MissingObject_IsFileNotFoundNamingIt()
    {
        var open = () => _store.OpenReadAsync(StoreLayout.ClipRecord(Key));

        (await open.Should().ThrowAsync<FileNotFoundException>()).Which.Message.Should().Contain(StoreLayout.ClipRecord(Key));
    }

    [Theory]
    [InlineData("../clips/x.mp4")]
    [InlineData("films/../../etc/passwd")]
    [InlineData("/films/a.mp4")]
    [InlineData("https://evil.example/x")]
    [InlineData("secrets/x.json")]
    public async Task AnyOperation_NameOutsideTheLayout_IsRefused(string name)
    {
        var exists = () => _store.ExistsAsync(name);

        await exists.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task JobLedger_OnBlob_CreatesOnceLikeOnAFolder()
    {
        var ledger = new JobLedger(_store);
        var entry = new JobLedgerEntry(Key, "animatic", "film-1", "bund", JobLedgerState.Submitting, null, 1, DateTime.UtcNow);

        (await ledger.TryCreateAsync(entry)).Should().BeTrue();
        (await ledger.TryCreateAsync(entry with { FilmId = "film-2" })).Should().BeFalse();
        (await ledger.GetAsync(Key))!.FilmId.Should().Be("film-1");
    }

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private async Task<List<string>> BlobNamesAsync(string container)
    {
        var names = new List<string>();
        await foreach (var item in _blobs.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions())) names.Add(item.Name);
        return names;
    }
}
