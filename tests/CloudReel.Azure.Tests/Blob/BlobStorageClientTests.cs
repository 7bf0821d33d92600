using System.Text;
using CloudReel.Azure.Blob;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Tests.Support;

namespace CloudReel.Azure.Tests.Blob;

[Collection(AzuriteCollection.Name)]
public sealed class BlobStorageClientTests(AzuriteFixture azurite)
{
    private readonly BlobStorageClient _client = new(azurite.Server.Account);

    [Fact]
    public async Task CreateContainerIfNotExists_Twice_CreatesOnceThenReportsItExists()
    {
        var container = TestData.ContainerName("create");

        (await _client.CreateContainerIfNotExistsAsync(container)).Should().BeTrue();
        (await _client.CreateContainerIfNotExistsAsync(container)).Should().BeFalse();
    }

    [Fact]
    public async Task Upload_ThenDownload_ReturnsTheBytesContentTypeAndMetadata()
    {
        var container = await NewContainerAsync();
        var bytes = TestData.Bytes(1000);

        var written = await _client.UploadAsync(container, "a/b.mp4", new MemoryStream(bytes), new BlobUploadOptions
        {
            ContentType = "video/mp4",
            Metadata = new Dictionary<string, string> { ["film"] = "shanghai-1" },
        });
        await using var download = await _client.DownloadAsync(container, "a/b.mp4");

        written!.Blocks.Should().Be(0);
        (await TestData.ReadAllAsync(download.Content)).Should().Equal(bytes);
        download.Properties.ContentType.Should().Be("video/mp4");
        download.Properties.ETag.Should().Be(written.ETag);
        download.Properties.Metadata.Should().Contain("film", "shanghai-1");
    }

    [Fact]
    public async Task GetProperties_MissingBlob_IsNull()
    {
        var container = await NewContainerAsync();

        (await _client.GetPropertiesAsync(container, "nothing.json")).Should().BeNull();
    }

    [Fact]
    public async Task Upload_IfNoneMatchStarOnExistingBlob_KeepsTheFirstContent()
    {
        var container = await NewContainerAsync();
        await _client.UploadAsync(container, "key.mp4", new MemoryStream("first"u8.ToArray()), new BlobUploadOptions { Conditions = BlobConditions.IfNotExists });

        var second = await _client.UploadAsync(container, "key.mp4", new MemoryStream("second"u8.ToArray()), new BlobUploadOptions { Conditions = BlobConditions.IfNotExists });
        await using var download = await _client.DownloadAsync(container, "key.mp4");

        second.Should().BeNull();
        Encoding.UTF8.GetString(await TestData.ReadAllAsync(download.Content)).Should().Be("first");
    }

    [Fact]
    public async Task SetMetadata_StaleIfMatch_FailsWithTheServiceCodeAndRequestId()
    {
        var container = await NewContainerAsync();
        var first = await _client.UploadAsync(container, "x.json", new MemoryStream("{}"u8.ToArray()));
        await _client.UploadAsync(container, "x.json", new MemoryStream("{ }"u8.ToArray()));

        var stale = () => _client.SetMetadataAsync(container, "x.json", new Dictionary<string, string> { ["a"] = "b" }, new BlobConditions(IfMatch: first!.ETag));

        var failure = (await stale.Should().ThrowAsync<StorageRequestFailedException>()).Which;
        failure.Status.Should().Be(412);
        failure.ErrorCode.Should().Be("ConditionNotMet");
        failure.RequestId.Should().NotBeNullOrEmpty();
        failure.Message.Should().Contain("ConditionNotMet").And.Contain(failure.RequestId);
    }

    [Fact]
    public async Task Download_MissingBlob_SurfacesBlobNotFound()
    {
        var container = await NewContainerAsync();

        var download = () => _client.DownloadAsync(container, "missing.mp4");

        (await download.Should().ThrowAsync<StorageRequestFailedException>()).Which.ErrorCode.Should().Be("BlobNotFound");
    }

    [Fact]
    public async Task SetMetadataAndContentType_ChangeWhatPropertiesReport()
    {
        var container = await NewContainerAsync();
        await _client.UploadAsync(container, "poster.jpg", new MemoryStream(TestData.Bytes(10)));

        await _client.SetMetadataAsync(container, "poster.jpg", new Dictionary<string, string> { ["shot"] = "bund" });
        await _client.SetContentTypeAsync(container, "poster.jpg", "image/jpeg");
        var properties = await _client.GetPropertiesAsync(container, "poster.jpg");

        properties!.ContentType.Should().Be("image/jpeg");
        properties.ContentLength.Should().Be(10);
        properties.Metadata.Should().Contain("shot", "bund");
    }

    [Fact]
    public async Task List_ByPrefixAcrossPages_ReturnsEveryMatchInOrder()
    {
        var container = await NewContainerAsync();
        foreach (var name in new[] { "films/b/2.mp4", "films/a/1.mp4", "films/b/1.mp4", "orders/x.yaml", "films/b/3.mp4" })
        {
            await _client.UploadAsync(container, name, new MemoryStream([1, 2, 3]));
        }

        var names = new List<string>();
        await foreach (var item in _client.ListAsync(container, "films/b/", pageSize: 2)) names.Add(item.Name);

        names.Should().Equal("films/b/1.mp4", "films/b/2.mp4", "films/b/3.mp4");
    }

    [Fact]
    public async Task Names_WithSpacesAndChinese_RoundTripThroughSigningAndListing()
    {
        var container = await NewContainerAsync();
        const string Name = "orders/film-1/参考 图/外滩 (dusk).jpg";

        await _client.UploadAsync(container, Name, new MemoryStream([9, 8, 7]), new BlobUploadOptions { ContentType = "image/jpeg" });
        var names = new List<string>();
        await foreach (var item in _client.ListAsync(container, "orders/")) names.Add(item.Name);

        names.Should().Equal(Name);
        (await _client.GetPropertiesAsync(container, Name))!.ContentLength.Should().Be(3);
    }

    [Fact]
    public async Task DeleteIfExists_DeletesOnceThenReportsNothingThere()
    {
        var container = await NewContainerAsync();
        await _client.UploadAsync(container, "gone.json", new MemoryStream("{}"u8.ToArray()));

        (await _client.DeleteIfExistsAsync(container, "gone.json")).Should().BeTrue();
        (await _client.DeleteIfExistsAsync(container, "gone.json")).Should().BeFalse();
        (await _client.GetPropertiesAsync(container, "gone.json")).Should().BeNull();
    }

    [Fact]
    public async Task WrongKey_IsRefusedWithAuthenticationFailed()
    {
        var server = azurite.Server;
        var impostor = new BlobStorageClient(new StorageAccount(
            StorageConnectionString.DevelopmentAccountName, server.BlobEndpoint, server.QueueEndpoint,
            SharedKey.FromBase64(StorageConnectionString.DevelopmentAccountName, Convert.ToBase64String(TestData.Bytes(64)))));

        var create = () => impostor.CreateContainerIfNotExistsAsync(TestData.ContainerName("denied"));

        (await create.Should().ThrowAsync<StorageRequestFailedException>()).Which.Status.Should().Be(403);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("a\\b")]
    public void BlobUri_UnsafeName_IsRefusedBeforeAnyRequest(string name)
    {
        var build = () => _client.BlobUri("clips", name);

        build.Should().Throw<ArgumentException>();
    }

    private async Task<string> NewContainerAsync()
    {
        var container = TestData.ContainerName("blob");
        await _client.CreateContainerIfNotExistsAsync(container);
        return container;
    }
}
