namespace CloudReel.Core.Ports;

/// <summary>
/// Fetches a reference image an order names by URL, once, when the film is staged. The adapter
/// decides what may be reached and what counts as an image; a refusal says why.
/// </summary>
public interface IReferenceImageFetcher
{
    /// <summary>Streams the image into <paramref name="destination"/>; throws <see cref="ImageFetchException"/> saying why not.</summary>
    Task<FetchedImageInfo> FetchAsync(Uri url, Stream destination, CancellationToken cancellationToken = default);
}

/// <summary>What was fetched: the final URL, its checked type, size and SHA-256 (lower-case hex).</summary>
public sealed record FetchedImageInfo(Uri Url, string ContentType, long Bytes, string Sha256)
{
    /// <summary>The file extension of <see cref="ContentType"/> (PNG, JPEG or WebP, the types orders accept).</summary>
    public string Extension => ContentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        _ => throw new InvalidOperationException($"{ContentType} is not an accepted image type."),
    };
}

/// <summary>The image could not be fetched safely; the message says why (never with a secret).</summary>
public sealed class ImageFetchException(string message) : Exception(message);
