using System.Globalization;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Ports;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Azure.Tests.Store;

/// <summary>A read whose connection breaks mid-way resumes at the byte it stopped at, pinned to the version it started with.</summary>
public sealed class DownloadResumeTests
{
    private const string ETag = "\"0x8DCAFE0000000001\"";

    [Fact]
    public async Task OpenRead_ConnectionDropsMidway_ResumesFromThatByteOfTheSameVersion()
    {
        var bytes = TestData.Bytes(200_000);
        await using var service = await FakeHttpServer.StartAsync((request, count) => new BlobBody(bytes, request, breakAfter: count == 1 ? 70_000 : null));
        var store = new BlobClipStore(Account(service).Blobs, Path.GetTempPath());

        await using var read = await store.OpenReadAsync(StoreLayout.FilmOutput("film-1", "film.mp4"));
        var received = await TestData.ReadAllAsync(read);

        received.Should().Equal(bytes);
        var resumed = service.Requests.Skip(1).Single();
        resumed.Headers["x-ms-range"].Should().Be("bytes=70000-");
        resumed.Headers["if-match"].Should().Be(ETag);
    }

    private static StorageAccount Account(FakeHttpServer service)
    {
        var endpoint = new Uri(service.BaseUri, Azurite.AccountName);
        return StorageAccount.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};BlobEndpoint={endpoint};QueueEndpoint={endpoint}",
            options => options.Retry.Delay = TimeSpan.FromMilliseconds(10));
    }

    /// <summary>Get Blob as the service answers it, whole or from x-ms-range; optionally the connection drops after some bytes.</summary>
    private sealed class BlobBody(byte[] bytes, RecordedRequest request, int? breakAfter) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var start = request.Headers.TryGetValue("x-ms-range", out var range) ? int.Parse(range["bytes=".Length..range.IndexOf('-', StringComparison.Ordinal)], CultureInfo.InvariantCulture) : 0;
            response.StatusCode = start == 0 ? 200 : 206;
            response.Headers.ETag = ETag;
            response.Headers.LastModified = "Sat, 21 Nov 2026 08:00:00 GMT";
            response.Headers["x-ms-blob-type"] = "BlockBlob";
            response.ContentType = "video/mp4";
            response.ContentLength = bytes.Length - start;
            if (start > 0) response.Headers.ContentRange = $"bytes {start}-{bytes.Length - 1}/{bytes.Length}";

            var end = breakAfter is { } cut ? start + cut : bytes.Length;
            await response.Body.WriteAsync(bytes.AsMemory(start, end - start));
            await response.Body.FlushAsync();
            if (end < bytes.Length) httpContext.Abort();
        }
    }
}
