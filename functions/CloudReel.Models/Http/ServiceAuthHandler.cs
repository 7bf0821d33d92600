namespace CloudReel.Models.Http;

/// <summary>
/// Adds a service's credential to requests for that service only: clips are often fetched from
/// another host (a CDN's signed link), which must never see the key or token.
/// </summary>
public sealed class ServiceAuthHandler(Uri service, Func<CancellationToken, ValueTask<(string Name, string Value)>> credential) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && IsService(uri))
        {
            var (name, value) = await credential(cancellationToken);
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private bool IsService(Uri uri) =>
        string.Equals(uri.Scheme, service.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Host, service.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == service.Port;

    /// <summary>An HTTP client for one service: its credential handler over sockets, no client-wide timeout (the pipeline times each try).</summary>
    public static HttpClient CreateClient(Uri service, Func<CancellationToken, ValueTask<(string Name, string Value)>>? credential)
    {
        var sockets = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        HttpMessageHandler handler = credential is null ? sockets : new ServiceAuthHandler(service, credential) { InnerHandler = sockets };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
