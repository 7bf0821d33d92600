using CloudReel.Azure.Blob;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Azure.Tests.Blob;

/// <summary>Transient failures are retried by the pipeline, each attempt signed afresh.</summary>
public sealed class BlobRetryTests
{
    [Fact]
    public async Task Upload_ServiceBusyTwice_IsRetriedAndEveryAttemptIsSigned()
    {
        await using var service = await FakeHttpServer.StartAsync((_, count) => count <= 2
            ? Results.StatusCode(503)
            : new CreatedWithETag());
        var client = Client(service);

        var written = await client.UploadAsync("clips", "a.mp4", new MemoryStream([1, 2, 3]));

        written!.ETag.ToString().Should().Be("0x8D0000000000001");
        service.Requests.Should().HaveCount(3);
        service.Requests.Should().OnlyContain(r => r.Headers["authorization"].StartsWith("SharedKey devstoreaccount1:", StringComparison.Ordinal)
            && r.Headers.ContainsKey("x-ms-date") && r.Headers["x-ms-version"] == StorageClientOptions.ServiceVersion);
    }

    [Fact]
    public async Task Upload_ServiceKeepsFailing_ThrowsWithTheLastStatusAfterItsRetries()
    {
        await using var service = await FakeHttpServer.StartAsync((_, _) => Results.StatusCode(500));

        var upload = () => Client(service).UploadAsync("clips", "a.mp4", new MemoryStream([1]));

        (await upload.Should().ThrowAsync<StorageRequestFailedException>()).Which.Status.Should().Be(500);
        service.Requests.Should().HaveCount(3, "one attempt and two retries");
    }

    private static BlobStorageClient Client(FakeHttpServer service)
    {
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var endpoint = new Uri(service.BaseUri, "/devstoreaccount1");
        return new BlobStorageClient(new StorageAccount(StorageConnectionString.DevelopmentAccountName, endpoint, endpoint,
            SharedKey.FromBase64(StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey)), options);
    }

    private sealed class CreatedWithETag : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 201;
            httpContext.Response.Headers.ETag = "\"0x8D0000000000001\"";
            return Task.CompletedTask;
        }
    }
}
