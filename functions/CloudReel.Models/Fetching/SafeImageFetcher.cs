using System.Net;
using System.Security.Cryptography;
using CloudReel.Core.Media;
using CloudReel.Core.Ports;

namespace CloudReel.Models.Fetching;

/// <summary>
/// Fetches a reference image named by a URL in an order, on the user's behalf, safely: https only
/// (also after redirects), public addresses only (checked after DNS resolution, on every hop),
/// at most <see cref="SafeFetchOptions.MaxRedirects"/> redirects, at most
/// <see cref="SafeFetchOptions.MaxBytes"/> (counted while streaming, whatever Content-Length says),
/// and only PNG, JPEG or WebP, by Content-Type and by the file's own first bytes.
/// </summary>
public sealed class SafeImageFetcher : IReferenceImageFetcher, IDisposable
{
    private static readonly string[] AcceptedTypes = ["image/png", "image/jpeg", "image/webp"];
    private readonly HttpClient _http;
    private readonly SafeFetchOptions _options;

    public SafeImageFetcher(SafeFetchOptions? options = null)
    {
        _options = options ?? new SafeFetchOptions();
        var handler = new SocketsHttpHandler();
        _options.ConfigureHandler?.Invoke(handler);
        GuardedConnections.Guard(handler, _options.Resolver, _options.IsAllowed);
        _http = new HttpClient(handler) { Timeout = _options.Timeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("CloudReel/1.0 (+reference-image fetch)");
    }

    /// <summary>Streams the image into <paramref name="destination"/>; throws <see cref="ImageFetchException"/> saying why not.</summary>
    public async Task<FetchedImageInfo> FetchAsync(Uri url, Stream destination, CancellationToken cancellationToken = default)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            RequireSafeUrl(current, hop == 0 ? "the URL" : $"redirect {hop} to {current}");
            using var response = await SendAsync(current, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                if (hop >= _options.MaxRedirects) throw new ImageFetchException($"{url}: more than {_options.MaxRedirects} redirects.");
                current = response.Headers.Location is { } location
                    ? new Uri(current, location)
                    : throw new ImageFetchException($"{current}: a redirect without a Location.");
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK) throw new ImageFetchException($"{current}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            return await ReadImageAsync(current, response, destination, cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>An absolute https URL to a named host, without user info.</summary>
    public static void RequireSafeUrl(Uri url, string what)
    {
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps) throw new ImageFetchException($"{what} is not https: {url}.");
        if (url.UserInfo.Length > 0) throw new ImageFetchException($"{what} carries a user name or password.");
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && !AddressPolicy.IsPublic(IPAddress.Parse(url.IdnHost.Trim('[', ']'))))
        {
            throw new ImageFetchException($"{what} names a non-public address.");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("image/png, image/jpeg, image/webp");
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException error) when (error.InnerException is RefusedAddressException refused)
        {
            throw new ImageFetchException($"{url}: refused: {refused.Message}");
        }
        catch (HttpRequestException error)
        {
            throw new ImageFetchException($"{url}: {error.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ImageFetchException($"{url}: no answer within {_options.Timeout.TotalSeconds:0} s.");
        }
    }

    private async Task<FetchedImageInfo> ReadImageAsync(Uri url, HttpResponseMessage response, Stream destination, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        if (declared is null || !AcceptedTypes.Contains(declared)) throw new ImageFetchException($"{url}: Content-Type {declared ?? "(none)"} is not a PNG, JPEG or WebP image.");
        if (response.Content.Headers.ContentLength > _options.MaxBytes) throw new ImageFetchException($"{url}: {response.Content.Headers.ContentLength} bytes is over the limit of {_options.MaxBytes}.");

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var start = new byte[MediaSniffer.BytesNeeded];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (total < start.Length) buffer.AsSpan(0, (int)Math.Min(read, start.Length - total)).CopyTo(start.AsSpan((int)total));
            total += read;
            if (total > _options.MaxBytes) throw new ImageFetchException($"{url}: the image is over the limit of {_options.MaxBytes} bytes.");
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        var sniffed = MediaSniffer.ImageTypeOf(start.AsSpan(0, (int)Math.Min(total, start.Length)));
        if (sniffed != declared) throw new ImageFetchException($"{url}: the file is {(sniffed is null ? "not an image" : sniffed)}, not the {declared} its Content-Type says.");
        return new FetchedImageInfo(url, declared, total, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}

/// <summary>Limits and the network view of a <see cref="SafeImageFetcher"/>.</summary>
public sealed record SafeFetchOptions
{
    /// <summary>The order format's limit for a reference image.</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public IHostResolver Resolver { get; init; } = DnsHostResolver.Instance;

    /// <summary>Which resolved addresses may be connected to: public ones (<see cref="AddressPolicy.IsPublic"/>).</summary>
    public Func<IPAddress, bool> IsAllowed { get; init; } = AddressPolicy.IsPublic;

    /// <summary>Adjusts the handler (tests trust their own certificate here); the guard itself cannot be removed.</summary>
    public Action<SocketsHttpHandler>? ConfigureHandler { get; init; }
}
