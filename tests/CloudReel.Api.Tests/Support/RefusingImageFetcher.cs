using CloudReel.Core.Ports;

namespace CloudReel.Api.Tests.Support;

/// <summary>A reference-image fetcher that reaches nothing: these tests send no image URLs, and one that did would fail saying so.</summary>
public sealed class RefusingImageFetcher : IReferenceImageFetcher
{
    public Task<FetchedImageInfo> FetchAsync(Uri url, Stream destination, CancellationToken cancellationToken = default) =>
        throw new ImageFetchException($"{url}: these tests fetch no images.");
}
