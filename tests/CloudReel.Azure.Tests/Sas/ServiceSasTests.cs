using System.Net;
using CloudReel.Azure.Blob;
using CloudReel.Azure.Sas;
using CloudReel.Azure.Tests.Support;

namespace CloudReel.Azure.Tests.Sas;

/// <summary>Service SAS read links, fetched with a plain HttpClient from Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceSasTests(AzuriteFixture azurite) : IDisposable
{
    private readonly BlobStorageClient _client = new(azurite.Server.Account);
    private readonly HttpClient _http = new();

    [Fact]
    public async Task ServiceSas_FetchedWithPlainHttp_ServesTheBlob()
    {
        var (container, bytes) = await BlobAsync("film.mp4");

        var link = Link(container, "film.mp4", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15));
        var fetched = await _http.GetByteArrayAsync(link);

        fetched.Should().Equal(bytes);
        link.Query.Should().Contain("sp=r").And.Contain("sr=b");
    }

    [Fact]
    public async Task ServiceSas_ForOneBlob_DoesNotOpenItsNeighbour()
    {
        var (container, _) = await BlobAsync("a.mp4");
        await _client.UploadAsync(container, "b.mp4", new MemoryStream([1]));
        var link = Link(container, "a.mp4", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15));

        var neighbour = new Uri(link.AbsoluteUri.Replace("/a.mp4?", "/b.mp4?", StringComparison.Ordinal));
        var response = await _http.GetAsync(neighbour);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ServiceSas_IsReadOnly_AWriteIsRefused()
    {
        var (container, _) = await BlobAsync("keep.mp4");
        var link = Link(container, "keep.mp4", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15));

        using var put = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent([6, 6, 6]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        var response = await _http.SendAsync(put);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _client.GetPropertiesAsync(container, "keep.mp4"))!.ContentLength.Should().Be(64);
    }

    [Fact]
    public async Task ServiceSas_AfterItsExpiry_IsRefused()
    {
        var (container, _) = await BlobAsync("old.mp4");

        var link = Link(container, "old.mp4", DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromMinutes(30));
        var response = await _http.GetAsync(link);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void ServiceSas_LongerThanSevenDays_IsNotIssued()
    {
        var issue = () => Link("clips", "x.mp4", DateTimeOffset.UtcNow, TimeSpan.FromDays(8));

        issue.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ServiceSas_OnAnHttpsAccount_IsHttpsOnly()
    {
        var account = global::CloudReel.Azure.Storage.StorageConnectionString.Parse("AccountName=films;AccountKey=a2V5");
        var uri = new Uri("https://films.blob.core.windows.net/films/f/film.mp4");

        var link = BlobReadLinks.ServiceSas(uri, account.Key!, "films", "f/film.mp4", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        link.Query.Should().Contain("spr=https&");
    }

    public void Dispose() => _http.Dispose();

    private Uri Link(string container, string blob, DateTimeOffset now, TimeSpan lifetime) =>
        BlobReadLinks.ServiceSas(_client.BlobUri(container, blob), azurite.Server.Account.Key!, container, blob, now, lifetime);

    private async Task<(string Container, byte[] Bytes)> BlobAsync(string name)
    {
        var container = TestData.ContainerName("sas");
        await _client.CreateContainerIfNotExistsAsync(container);
        var bytes = TestData.Bytes(64);
        await _client.UploadAsync(container, name, new MemoryStream(bytes));
        return (container, bytes);
    }
}
