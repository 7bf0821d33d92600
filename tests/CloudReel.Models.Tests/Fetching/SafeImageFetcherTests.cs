using System.Net;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Ports;
using CloudReel.Models.Fetching;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Models.Tests.Fetching;

/// <summary>
/// The reference-image fetch against a local https server. A resolver maps test host names to
/// addresses: 127.0.0.1 (allowed for the test only) or private ones the guard must refuse before
/// any connection is made.
/// </summary>
public sealed class SafeImageFetcherTests : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3, 4];
    private readonly TestCertificate _certificate = TestCertificate.Create();
    private FakeHttpServer? _server;
    private Func<RecordedRequest, IResult> _answer = _ => Results.Bytes(Png, "image/png");

    private int Port => _server!.BaseUri.Port;

    public async Task InitializeAsync() => _server = await FakeHttpServer.StartAsync((request, _) => _answer(request), _certificate);

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task Fetch_PublicHttpsImage_StreamsItWithItsTypeSizeAndHash()
    {
        using var fetcher = Fetcher();
        using var copy = new MemoryStream();

        var image = await fetcher.FetchAsync(Url("cdn.example.com", "/refs/bund.png"), copy);

        copy.ToArray().Should().Equal(Png);
        image.ContentType.Should().Be("image/png");
        image.Bytes.Should().Be(Png.Length);
        image.Sha256.Should().Be(TestData.Sha256(Png).ToLowerInvariant());
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("fd12::1")]
    public async Task Fetch_HostResolvingToANonPublicAddress_IsRefusedBeforeConnecting(string address)
    {
        using var fetcher = Fetcher(hosts: new() { ["internal.example.com"] = [IPAddress.Parse(address)] }, allowLoopback: false);

        var fetch = () => fetcher.FetchAsync(Url("internal.example.com", "/x.png"), Stream.Null);

        (await fetch.Should().ThrowAsync<ImageFetchException>()).Which.Message.Should().Contain("refused").And.Contain(IPAddress.Parse(address).ToString());
        _server!.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Fetch_LoopbackUnderTheDefaultPolicy_IsRefused()
    {
        using var fetcher = Fetcher(allowLoopback: false);

        var fetch = () => fetcher.FetchAsync(Url("cdn.example.com", "/x.png"), Stream.Null);

        (await fetch.Should().ThrowAsync<ImageFetchException>()).Which.Message.Should().Contain("127.0.0.1");
    }

    [Fact]
    public async Task Fetch_HostWithOnePublicAndOnePrivateAddress_IsRefused()
    {
        using var fetcher = Fetcher(hosts: new() { ["rebind.example.com"] = [IPAddress.Loopback, IPAddress.Parse("10.0.0.1")] });

        var fetch = () => fetcher.FetchAsync(Url("rebind.example.com", "/x.png"), Stream.Null);

        (await fetch.Should().ThrowAsync<ImageFetchException>()).Which.Message.Should().Contain("10.0.0.1");
    }

    [Fact]
    public async Task Fetch_RedirectToAPrivateHost_IsRefusedOnThatHop()
    {
        _answer = request => request.PathAndQuery.StartsWith("/start", StringComparison.Ordinal)
            ? Results.Redirect($"https://metadata.internal:{Port}/latest/meta-data")
            : Results.Bytes(Png, "image/png");
        using var fetcher = Fetcher(hosts: new() { ["metadata.internal"] = [IPAddress.Parse("169.254.169.254")] });

        var fetch = () => fetcher.FetchAsync(Url("cdn.example.com", "/start.png"), Stream.Null);

        (await fetch.Should().ThrowAsync<ImageFetchException>()).Which.Message.Should().Contain("169.254.169.254");
        _server!.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Fetch_RedirectDowngradingToHttp_IsRefused()
    {
        _answer = _ => Results.Redirect($"http://cdn.example.com:{Port}/x.png");
        using var fetcher = Fetcher();

        var fetch = () => fetcher.FetchAsync(Url("cdn.example.com", "/x.png"), Stream.Null);

        (await fetch.Should().ThrowAsync<ImageFetchException>()).Which.Message.Should().Contain("not https");
    }

    [Fact]
    public async Task Fetch_RedirectLoop_StopsAfterTheLimit()
    {
        _answer = request => Results.Redirect("/again" + request.PathAndQuery.Length);
        using var fetcher = Fetcher();

        var fetch = () => fetcher.FetchAsync(Url("cdn.example.com", "/x.png"), Stream.Null);

        (await fetch.Should().ThrowAsync<ImageFetchException>()).Which.Message.Should().Contain("redirects");
        _server!.Requests.Should().HaveCount(6);
    }

    [Fact]
    public async Task Fetch_BodyOverTheLimitWithoutContentLength_IsCutOffWhileStreaming()
    {
        _answer = _ => Results.Stream(async body =>
        {
            await body.WriteAsync(Png);
            for (var i = 0; i < 64; i++) await body.WriteAsync(new byte[1024]);
        }, "image/png");
        using var fetcher = Fetcher(maxBytes: 10 * 1024);

        var fetch = () => fetcher.FetchAsync(Url("cdn.example.com", "/big.png"), Stream.Null);

        (await fetch.Should().ThrowAsync<ImageFetchException>()).Which.Message.Should().Contain("over the limit");
    }

    [Fact]
    public async Task Fetch_HtmlCalledAnImage_IsRefusedByItsFirstBytes()
    {
        _answer = _ => Results.Bytes("<html>login</html>"u8.ToArray(), "image/jpeg");
        using var fetcher = Fetcher();

        var fetch = () => fetcher.FetchAsync(Url("cdn.example.com", "/x.jpg"), Stream.Null);

        (await fetch.Should().ThrowAsync<ImageFetchException>()).Which.Message.Should().Contain("not an image");
    }

    [Fact]
    public async Task Fetch_WrongContentType_IsRefused()
    {
        _answer = _ => Results.Bytes(Png, "text/html");
        using var fetcher = Fetcher();

        var fetch = () => fetcher.FetchAsync(Url("cdn.example.com", "/x.png"), Stream.Null);

        (await fetch.Should().ThrowAsync<ImageFetchException>()).Which.Message.Should().Contain("text/html");
    }

    [Theory]
    [InlineData("http://cdn.example.com/x.png", "not https")]
    [InlineData("https://user:pw@cdn.example.com/x.png", "user name")]
    [InlineData("https://10.0.0.1/x.png", "non-public")]
    [InlineData("https://[::1]/x.png", "non-public")]
    public void RequireSafeUrl_UnsafeUrl_IsRefusedWithoutAnyRequest(string url, string message)
    {
        var check = () => SafeImageFetcher.RequireSafeUrl(new Uri(url), "the URL");

        check.Should().Throw<ImageFetchException>().Which.Message.Should().Contain(message);
    }

    private Uri Url(string host, string path) => new($"https://{host}:{Port}{path}");

    private SafeImageFetcher Fetcher(Dictionary<string, IPAddress[]>? hosts = null, bool allowLoopback = true, long maxBytes = 1024 * 1024) => new(new SafeFetchOptions
    {
        Resolver = new MapResolver(hosts ?? []),
        IsAllowed = address => (allowLoopback && address.Equals(IPAddress.Loopback)) || AddressPolicy.IsPublic(address),
        MaxBytes = maxBytes,
        Timeout = TimeSpan.FromSeconds(10),
        ConfigureHandler = handler => handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == _certificate.Certificate.GetCertHashString(),
    });

    /// <summary>Resolves the names a test gives, and every other name to 127.0.0.1 (the test server).</summary>
    private sealed class MapResolver(Dictionary<string, IPAddress[]> hosts) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            Task.FromResult(hosts.TryGetValue(host, out var addresses) ? addresses : [IPAddress.Loopback]);
    }
}
