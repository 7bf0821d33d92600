using CloudReel.Azure.Blob;
using CloudReel.Azure.Tests.Support;

namespace CloudReel.Azure.Tests.Blob;

/// <summary>Large writes in blocks and ranged reads, against Azurite, with small block sizes so the test stays small.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlockUploadTests(AzuriteFixture azurite)
{
    private static readonly BlobTransferOptions SmallBlocks = new() { SingleUploadLimit = 256 * 1024, BlockSize = 128 * 1024, Parallelism = 4 };

    private readonly BlobStorageClient _client = new(azurite.Server.Account, transfer: SmallBlocks);

    [Fact]
    public async Task Upload_LargerThanTheSingleLimit_CommitsEveryBlockInOrder()
    {
        var container = await NewContainerAsync();
        var bytes = TestData.Bytes((3 * 1024 * 1024) + 12345);

        var written = await _client.UploadAsync(container, "films/f/film.mp4", new ForwardOnlyStream(bytes), new BlobUploadOptions { ContentType = "video/mp4" });
        await using var download = await _client.DownloadAsync(container, "films/f/film.mp4");

        written!.Blocks.Should().Be((bytes.Length + SmallBlocks.BlockSize - 1) / SmallBlocks.BlockSize);
        TestData.Sha256(await TestData.ReadAllAsync(download.Content)).Should().Be(TestData.Sha256(bytes));
        download.Properties.ContentType.Should().Be("video/mp4");
    }

    [Fact]
    public async Task Upload_ExactlyTheSingleLimit_IsOnePut()
    {
        var container = await NewContainerAsync();

        var written = await _client.UploadAsync(container, "edge.bin", new MemoryStream(TestData.Bytes(SmallBlocks.SingleUploadLimit)));

        written!.Blocks.Should().Be(0);
        (await _client.GetPropertiesAsync(container, "edge.bin"))!.ContentLength.Should().Be(SmallBlocks.SingleUploadLimit);
    }

    [Fact]
    public async Task BlockUpload_IfNoneMatchOnExistingBlob_KeepsTheOriginal()
    {
        var container = await NewContainerAsync();
        var original = TestData.Bytes(600 * 1024, seed: 1);
        await _client.UploadAsync(container, "clip.mp4", new MemoryStream(original), new BlobUploadOptions { Conditions = BlobConditions.IfNotExists });

        var second = await _client.UploadAsync(container, "clip.mp4", new MemoryStream(TestData.Bytes(600 * 1024, seed: 2)), new BlobUploadOptions { Conditions = BlobConditions.IfNotExists });
        await using var download = await _client.DownloadAsync(container, "clip.mp4");

        second.Should().BeNull();
        TestData.Sha256(await TestData.ReadAllAsync(download.Content)).Should().Be(TestData.Sha256(original));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(131_000, 2_000)]
    [InlineData(700_000, null)]
    public async Task Download_Range_ReturnsExactlyThoseBytesAndTheTotalLength(long offset, int? length)
    {
        var container = await NewContainerAsync();
        var bytes = TestData.Bytes(800_000);
        await _client.UploadAsync(container, "ranged.bin", new MemoryStream(bytes));

        await using var download = await _client.DownloadAsync(container, "ranged.bin", new BlobRange(offset, length));

        var expected = bytes.AsSpan((int)offset, length ?? (bytes.Length - (int)offset)).ToArray();
        (await TestData.ReadAllAsync(download.Content)).Should().Equal(expected);
        download.TotalLength.Should().Be(bytes.Length);
    }

    [Fact]
    public async Task BlobsWrittenHere_AreReadByAzuresJavaScriptSdk()
    {
        var container = await NewContainerAsync();
        var bytes = TestData.Bytes((1024 * 1024) + 7);
        await _client.UploadAsync(container, "cross/小样 1.mp4", new ForwardOnlyStream(bytes), new BlobUploadOptions
        {
            ContentType = "video/mp4",
            Metadata = new Dictionary<string, string> { ["contentkey"] = "abc" },
        });

        var (exit, output, errors) = await NodePeers.RunScriptAsync("blob-crosscheck.mjs", ["read", azurite.Server.ConnectionString, container, "cross/小样 1.mp4"]);

        exit.Should().Be(0, errors);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        json.RootElement.GetProperty("sha256").GetString().Should().Be(TestData.Sha256(bytes).ToLowerInvariant());
        json.RootElement.GetProperty("contentType").GetString().Should().Be("video/mp4");
        json.RootElement.GetProperty("metadata").GetProperty("contentkey").GetString().Should().Be("abc");
    }

    [Fact]
    public async Task BlobsWrittenByAzuresJavaScriptSdk_AreReadHere()
    {
        var container = await NewContainerAsync();
        var bytes = TestData.Bytes((900 * 1024) + 3, seed: 5);
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            var (exit, output, errors) = await NodePeers.RunScriptAsync("blob-crosscheck.mjs", ["write", azurite.Server.ConnectionString, container, "from-js/film 1.mp4", file, "video/mp4"]);
            exit.Should().Be(0, errors);
            output.Should().Contain("\"blocks\":4");

            await using var download = await _client.DownloadAsync(container, "from-js/film 1.mp4");
            TestData.Sha256(await TestData.ReadAllAsync(download.Content)).Should().Be(TestData.Sha256(bytes));
            download.Properties.ContentType.Should().Be("video/mp4");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string> NewContainerAsync()
    {
        var container = TestData.ContainerName("blocks");
        await _client.CreateContainerIfNotExistsAsync(container);
        return container;
    }
}
