using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using CloudReel.Azure.Sas;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Tests.Coordination;
using CloudReel.Azure.Tests.Support;

namespace CloudReel.Azure.Tests.Sas;

/// <summary>Service SAS read links (signed with the account key), fetched with a plain HttpClient from Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceSasTests(AzuriteFixture azurite) : IDisposable
{
    private readonly BlobServiceClient _blobs = azurite.Server.Account.Blobs;
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Link_FetchedWithPlainHttp_ServesTheBlob()
    {
        var (blob, bytes) = await BlobAsync("film.mp4");

        var link = await Links().ForAsync(blob, TimeSpan.FromMinutes(15));
        var fetched = await _http.GetByteArrayAsync(link);

        fetched.Should().Equal(bytes);
        link.Query.Should().Contain("sp=r&").And.Contain("sr=b&").And.NotContain("skoid");
    }

    [Fact]
    public async Task Link_ForOneBlob_DoesNotOpenItsNeighbour()
    {
        var (blob, _) = await BlobAsync("a.mp4");
        await blob.GetParentBlobContainerClient().GetBlobClient("b.mp4").UploadAsync(BinaryData.FromBytes([1]));
        var link = await Links().ForAsync(blob, TimeSpan.FromMinutes(15));

        var response = await _http.GetAsync(new Uri(link.AbsoluteUri.Replace("/a.mp4?", "/b.mp4?", StringComparison.Ordinal)));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Link_IsReadOnly_AWriteIsRefused()
    {
        var (blob, _) = await BlobAsync("keep.mp4");
        var link = await Links().ForAsync(blob, TimeSpan.FromMinutes(15));

        using var put = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent([6, 6, 6]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        var response = await _http.SendAsync(put);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await blob.GetPropertiesAsync()).Value.ContentLength.Should().Be(64);
    }

    [Theory]
    [InlineData("sp=r&", "sp=rw&")]
    [InlineData("sr=b&", "sr=c&")]
    public async Task Link_Tampered_IsRefused(string signed, string tampered)
    {
        var (blob, _) = await BlobAsync("tamper.mp4");
        var link = await Links().ForAsync(blob, TimeSpan.FromMinutes(15));

        var response = await _http.GetAsync(new Uri(link.AbsoluteUri.Replace(signed, tampered, StringComparison.Ordinal)));

        link.AbsoluteUri.Should().Contain(signed);
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Link_LongerLivedThanSigned_IsRefused()
    {
        var (blob, _) = await BlobAsync("extend.mp4");
        var link = await Links().ForAsync(blob, TimeSpan.FromMinutes(15));
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var later = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

        var response = await _http.GetAsync(new Uri(link.AbsoluteUri.Replace("se=" + Uri.EscapeDataString(query["se"]!), "se=" + later, StringComparison.Ordinal)));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Link_AfterItsExpiry_IsRefused()
    {
        var (blob, _) = await BlobAsync("old.mp4");
        var twoHoursAgo = new ManualClock(DateTimeOffset.UtcNow.AddHours(-2));

        var link = await Links(twoHoursAgo).ForAsync(blob, TimeSpan.FromMinutes(30));
        var response = await _http.GetAsync(link);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8 * 24 * 60)]
    public async Task Link_OfNoOrMoreThanSevenDaysLife_IsNotIssued(int minutes)
    {
        var issue = () => Links().ForAsync(_blobs.GetBlobContainerClient("clips").GetBlobClient("x.mp4"), TimeSpan.FromMinutes(minutes));

        await issue.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Link_OnAnHttpsAccount_IsHttpsOnly()
    {
        var account = StorageAccount.FromConnectionString("DefaultEndpointsProtocol=https;AccountName=films;AccountKey=a2V5");

        var link = await new BlobReadLinks(account.Blobs, TimeProvider.System).ForAsync(account.Blobs.GetBlobContainerClient("films").GetBlobClient("f/film.mp4"), TimeSpan.FromHours(1));

        link.Query.Should().Contain("spr=https&");
    }

    public void Dispose() => _http.Dispose();

    private BlobReadLinks Links(TimeProvider? time = null) => new(_blobs, time ?? TimeProvider.System);

    private async Task<(BlobClient Blob, byte[] Bytes)> BlobAsync(string name)
    {
        var container = _blobs.GetBlobContainerClient(TestData.ContainerName("sas"));
        await container.CreateIfNotExistsAsync();
        var bytes = TestData.Bytes(64);
        var blob = container.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromBytes(bytes));
        return (blob, bytes);
    }
}
