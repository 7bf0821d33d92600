using System.Net;
using Azure.Core.Pipeline;
using CloudReel.Azure.Blob;
using CloudReel.Azure.Sas;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Tests.Support;

namespace CloudReel.Azure.Tests.Sas;

/// <summary>
/// Entra ID: bearer tokens through Azure.Core's BearerTokenAuthenticationPolicy and user delegation
/// SAS links, against an Azurite of its own over https with OAuth.
/// </summary>
public sealed class EntraIdTests : IAsyncLifetime
{
    private readonly TestCertificate _certificate = TestCertificate.Create();
    private readonly FakeEntraCredential _credential = new();
    private Azurite? _azurite;
    private BlobStorageClient? _client;

    private BlobStorageClient Client => _client!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync(_certificate.CertificatePemPath, _certificate.KeyPemPath);
        var account = new StorageAccount(StorageConnectionString.DevelopmentAccountName, _azurite.BlobEndpoint, _azurite.QueueEndpoint, _credential);
        var options = new StorageClientOptions { Transport = new HttpClientTransport(_certificate.TrustingHandler()) };
        _client = new BlobStorageClient(account, options);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task BearerToken_ForTheStorageScope_AuthorisesWritesAndReads()
    {
        var container = TestData.ContainerName("entra");

        await Client.CreateContainerIfNotExistsAsync(container);
        await Client.UploadAsync(container, "clip.mp4", new MemoryStream([1, 2, 3]));

        (await Client.GetPropertiesAsync(container, "clip.mp4"))!.ContentLength.Should().Be(3);
        _credential.Scopes.Should().OnlyContain(scope => scope == StoragePipeline.StorageScope);
    }

    [Fact]
    public async Task UserDelegationSas_FetchedWithPlainHttp_ServesTheBlobAndNothingElse()
    {
        var container = TestData.ContainerName("udk");
        await Client.CreateContainerIfNotExistsAsync(container);
        var bytes = TestData.Bytes(2048);
        await Client.UploadAsync(container, "films/f/film.mp4", new MemoryStream(bytes));
        await Client.UploadAsync(container, "films/f/other.mp4", new MemoryStream([1]));
        var now = DateTimeOffset.UtcNow;
        var key = await Client.GetUserDelegationKeyAsync(now.AddMinutes(-5), now.AddHours(2));

        var link = BlobReadLinks.UserDelegationSas(Client.BlobUri(container, "films/f/film.mp4"), key, Client.Account.Name, container, "films/f/film.mp4", now, TimeSpan.FromHours(1));
        using var http = new HttpClient(_certificate.TrustingHandler());
        var fetched = await http.GetByteArrayAsync(link);
        var neighbour = await http.GetAsync(new Uri(link.AbsoluteUri.Replace("film.mp4?", "other.mp4?", StringComparison.Ordinal)));

        fetched.Should().Equal(bytes);
        neighbour.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        link.Query.Should().Contain("skoid=" + FakeEntraCredential.ObjectId).And.Contain("spr=https&");
        key.ToString().Should().NotContain(key.Value);
    }

    [Fact]
    public async Task UserDelegationSas_OutlivingItsKey_IsNotIssued()
    {
        var now = DateTimeOffset.UtcNow;
        var key = await Client.GetUserDelegationKeyAsync(now.AddMinutes(-5), now.AddMinutes(30));

        var issue = () => BlobReadLinks.UserDelegationSas(Client.BlobUri("clips", "x.mp4"), key, Client.Account.Name, "clips", "x.mp4", now, TimeSpan.FromHours(1));

        issue.Should().Throw<ArgumentException>().WithMessage("*outlive*");
    }
}
