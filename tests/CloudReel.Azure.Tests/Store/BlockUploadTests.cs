using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Ports;

namespace CloudReel.Azure.Tests.Store;

/// <summary>Large writes go up in blocks committed at once; small ones in one put. Small sizes keep the test small.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlockUploadTests : IDisposable
{
    private static readonly StorageTransferOptions SmallBlocks = new() { InitialTransferSize = 256 * 1024, MaximumTransferSize = 128 * 1024, MaximumConcurrency = 4 };

    private readonly string _cache = Directory.CreateTempSubdirectory("blocks-cache-").FullName;
    private readonly BlobServiceClient _blobs;
    private readonly BlobContainers _containers;
    private readonly BlobClipStore _store;

    public BlockUploadTests(AzuriteFixture azurite)
    {
        _blobs = azurite.Server.Account.Blobs;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        _containers = new BlobContainers($"clips-{suffix}", $"films-{suffix}", $"orders-{suffix}");
        _store = new BlobClipStore(_blobs, _cache, new BlobClipStoreOptions { Containers = _containers, Transfer = SmallBlocks });
    }

    [Fact]
    public async Task Put_LargerThanTheSingleLimit_CommitsBlocksOfTheChosenSizeInOrder()
    {
        var bytes = TestData.Bytes((3 * 1024 * 1024) + 12345);
        var name = StoreLayout.FilmOutput("film-1", "film.mp4");

        await _store.PutAsync(name, new ForwardOnlyStream(bytes), "video/mp4", overwrite: true);

        var blocks = (await Blob("film-1/film.mp4").GetBlockListAsync(BlockListTypes.Committed)).Value.CommittedBlocks.ToList();
        blocks.Should().HaveCount((bytes.Length + 128 * 1024 - 1) / (128 * 1024));
        blocks.SkipLast(1).Should().OnlyContain(b => b.SizeLong == 128 * 1024);
        await using var read = await _store.OpenReadAsync(name);
        TestData.Sha256(await TestData.ReadAllAsync(read)).Should().Be(TestData.Sha256(bytes));
        (await Blob("film-1/film.mp4").GetPropertiesAsync()).Value.ContentType.Should().Be("video/mp4");
    }

    [Fact]
    public async Task Put_JustUnderTheSingleLimit_IsOnePutWithNoBlocks()
    {
        var name = StoreLayout.FilmOutput("film-2", "edge.bin");

        await _store.PutAsync(name, new MemoryStream(TestData.Bytes((256 * 1024) - 1)), "application/octet-stream", overwrite: true);

        (await Blob("film-2/edge.bin").GetBlockListAsync(BlockListTypes.Committed)).Value.CommittedBlocks.Should().BeEmpty();
        (await _store.GetSizeAsync(name)).Should().Be((256 * 1024) - 1);
    }

    [Fact]
    public async Task GetLocalPath_OfABlockBlob_DownloadsItInRangesToTheSameBytes()
    {
        var bytes = TestData.Bytes((1024 * 1024) + 77, seed: 3);
        var name = StoreLayout.FilmOutput("film-3", "film.mp4");
        await _store.PutAsync(name, new MemoryStream(bytes), "video/mp4", overwrite: true);

        var path = await _store.GetLocalPathAsync(name);

        TestData.Sha256(await File.ReadAllBytesAsync(path)).Should().Be(TestData.Sha256(bytes));
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().Equal([path], "no partial file is left beside the copy");
    }

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private BlockBlobClient Blob(string name) => _blobs.GetBlobContainerClient(_containers.Films).GetBlockBlobClient(name);
}
