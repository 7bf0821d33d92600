using Azure;
using Azure.Storage.Blobs;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Azure.Tests.Storage;

/// <summary>Why the service version is pinned: the test Azurite is started as users start it, with its version check on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceVersionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SdkDefaultVersion_IsRefusedByAStockAzurite_ThePinnedOneIsAccepted()
    {
        var container = TestData.ContainerName("version");
        var unpinned = new BlobServiceClient(azurite.Server.ConnectionString).GetBlobContainerClient(container);

        var withDefault = () => unpinned.CreateIfNotExistsAsync();
        var pinned = await azurite.Server.Account.Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync();

        (await withDefault.Should().ThrowAsync<RequestFailedException>()).Which.Message.Should().Contain("is not supported by Azurite");
        pinned.Should().NotBeNull("the container was created with the pinned version");
    }

    [Fact]
    public async Task EveryAttempt_NamesThePinnedVersion_AndTransientFailuresAreRetried()
    {
        await using var service = await FakeHttpServer.StartAsync((_, count) => count <= 2 ? Results.StatusCode(503) : Results.StatusCode(201));
        var account = StorageAccount.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};BlobEndpoint={new Uri(service.BaseUri, Azurite.AccountName)};QueueEndpoint={new Uri(service.BaseUri, Azurite.AccountName)}",
            options => options.Retry.Delay = TimeSpan.FromMilliseconds(10));

        await account.Blobs.GetBlobContainerClient("clips").CreateAsync();

        service.Requests.Should().HaveCount(3);
        service.Requests.Should().OnlyContain(r => r.Headers["x-ms-version"] == "2025-11-05" && r.Headers["authorization"].StartsWith("SharedKey devstoreaccount1:", StringComparison.Ordinal));
    }
}
