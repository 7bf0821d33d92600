using System.Net;
using Azure.Core.Pipeline;
using CloudReel.Azure.Queue;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Ports;

namespace CloudReel.Azure.Tests.Sas;

/// <summary>
/// Entra ID: bearer tokens for the storage scope and user delegation SAS links, against an Azurite of
/// its own over https with OAuth (the account has no key, as with a managed identity).
/// </summary>
public sealed class EntraIdTests : IAsyncLifetime
{
    private readonly TestCertificate _certificate = TestCertificate.Create();
    private readonly FakeEntraCredential _credential = new();
    private readonly string _cache = Directory.CreateTempSubdirectory("entra-cache-").FullName;
    private Azurite? _azurite;
    private StorageAccount? _account;
    private BlobClipStore? _store;

    private StorageAccount Account => _account!;

    private BlobClipStore Store => _store!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync(_certificate.CertificatePemPath, _certificate.KeyPemPath);
        _account = StorageAccount.FromEndpoints(_azurite.BlobEndpoint, _azurite.QueueEndpoint, _credential,
            options => options.Transport = new HttpClientTransport(_certificate.TrustingHandler()));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        _store = new BlobClipStore(_account.Blobs, _cache, new BlobClipStoreOptions { Containers = new BlobContainers($"clips-{suffix}", $"films-{suffix}", $"orders-{suffix}") });
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
        _certificate.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task BearerToken_ForTheStorageScope_AuthorisesWritesReadsAndTheQueue()
    {
        var name = StoreLayout.FilmOutput("film-1", "clip.mp4");
        var queue = new AssemblyJobQueue(Account.Queues, Store, "entra-jobs");

        await Store.PutAsync(name, new MemoryStream([1, 2, 3]), "video/mp4", overwrite: false);
        await queue.EnsureQueuesAsync();

        (await Store.GetSizeAsync(name)).Should().Be(3);
        (await Account.Queues.GetQueueClient("entra-jobs").ExistsAsync()).Value.Should().BeTrue();
        _credential.Scopes.Should().NotBeEmpty().And.OnlyContain(scope => scope == "https://storage.azure.com/.default");
    }

    [Fact]
    public async Task ReadLink_WithoutAKey_IsAUserDelegationSasThatServesTheBlobAndNothingElse()
    {
        var bytes = TestData.Bytes(2048);
        await Store.PutAsync(StoreLayout.FilmOutput("f", "film.mp4"), new MemoryStream(bytes), "video/mp4", overwrite: true);
        await Store.PutAsync(StoreLayout.FilmOutput("f", "other.mp4"), new MemoryStream([1]), "video/mp4", overwrite: true);

        var link = await Store.GetReadLinkAsync(StoreLayout.FilmOutput("f", "film.mp4"), TimeSpan.FromHours(1));
        using var http = new HttpClient(_certificate.TrustingHandler());
        var fetched = await http.GetByteArrayAsync(link);
        var neighbour = await http.GetAsync(new Uri(link.AbsoluteUri.Replace("film.mp4?", "other.mp4?", StringComparison.Ordinal)));
        var tampered = await http.GetAsync(new Uri(link.AbsoluteUri.Replace("sp=r&", "sp=rw&", StringComparison.Ordinal)));

        fetched.Should().Equal(bytes);
        neighbour.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        tampered.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        link.Query.Should().Contain("skoid=" + FakeEntraCredential.ObjectId).And.Contain("spr=https&");
    }
}
