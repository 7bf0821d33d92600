using CloudReel.Api.Http;
using CloudReel.Api.Links;
using CloudReel.Api.Submission;
using CloudReel.Core.Ports;
using CloudReel.Core.Tests.Workflow;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Tests;

public sealed class HttpPiecesTests
{
    [Theory]
    [InlineData("application/json", ".json")]
    [InlineData("application/json; charset=utf-8", ".json")]
    [InlineData("application/vnd.cloudreel.order+json", ".json")]
    [InlineData("application/yaml", ".yaml")]
    [InlineData("text/yaml", ".yaml")]
    [InlineData("application/x-yaml", ".yaml")]
    [InlineData("text/plain", null)]
    [InlineData(null, null)]
    public void FromContentType_KnownMediaTypes_ChooseTheFormat(string? contentType, string? expected) =>
        OrderFormat.FromContentType(contentType).Should().Be(expected);

    [Theory]
    [InlineData(ApiKeyCheck.Header, "s3cret", true)]
    [InlineData(ApiKeyCheck.FunctionsHeader, "s3cret", true)]
    [InlineData(ApiKeyCheck.Header, "S3CRET", false)]
    [InlineData(ApiKeyCheck.Header, "s3cret ", false)]
    [InlineData("Authorization", "s3cret", false)]
    public void IsAuthorized_OnlyTheExactKeyInAKeyHeader_Passes(string header, string value, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;

        new ApiKeyCheck("s3cret").IsAuthorized(context.Request).Should().Be(expected);
    }

    [Fact]
    public async Task Verify_LinkFromAFolderStore_HoldsForThatFileUntilItExpires()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        var store = new LinklessStore();
        await store.PutTextAsync("films/promo-1/promo.16x9.mp4", "x", "video/mp4", overwrite: true);
        var links = new OutputLinks(store, [1, 2, 3], clock, TimeSpan.FromHours(1));
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1", 5080);

        var output = await links.LinkAsync(request, "promo-1", "promo.16x9.mp4", CancellationToken.None);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(output.Url).Query);
        string expires = query["expires"]!, sig = query["sig"]!;

        output.Url.Should().StartWith("http://127.0.0.1:5080/api/films/promo-1/outputs/promo.16x9.mp4?expires=");
        output.ExpiresUtc.Should().Be(new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc));
        links.Verify("promo-1", "promo.16x9.mp4", expires, sig).Should().BeTrue();
        links.Verify("promo-1", "report.json", expires, sig).Should().BeFalse("the signature names one file");
        links.Verify("promo-2", "promo.16x9.mp4", expires, sig).Should().BeFalse("and one film");
        links.Verify("promo-1", "promo.16x9.mp4", (long.Parse(expires) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), sig).Should().BeFalse("the expiry is signed too");
        clock.Now = clock.Now.AddMinutes(61);
        links.Verify("promo-1", "promo.16x9.mp4", expires, sig).Should().BeFalse("the link has expired");
    }

    [Fact]
    public void KeyFrom_SameApiKey_SignsAlike_ButAConfiguredKeyWins()
    {
        OutputLinks.KeyFrom(new ApiOptions { Key = "k" }).Should().Equal(OutputLinks.KeyFrom(new ApiOptions { Key = "k" }));
        OutputLinks.KeyFrom(new ApiOptions { Key = "k", LinkSigningKey = "links" }).Should().Equal("links"u8.ToArray());
        OutputLinks.KeyFrom(new ApiOptions()).Should().NotEqual(OutputLinks.KeyFrom(new ApiOptions()), "no key: a random one per process");
    }

    private sealed class TestClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A folder-like store: its read links are file paths, which the API must sign for itself.</summary>
    private sealed class LinklessStore : Core.Ports.IClipStore
    {
        private readonly MemoryClipStore _inner = new();

        public string Describe() => "folder";

        public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) => _inner.ExistsAsync(name, cancellationToken);

        public Task<long?> GetSizeAsync(string name, CancellationToken cancellationToken = default) => _inner.GetSizeAsync(name, cancellationToken);

        public Task<bool> PutAsync(string name, Stream content, string contentType, bool overwrite, CancellationToken cancellationToken = default) =>
            _inner.PutAsync(name, content, contentType, overwrite, cancellationToken);

        public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) => _inner.OpenReadAsync(name, cancellationToken);

        public Task<string> GetLocalPathAsync(string name, CancellationToken cancellationToken = default) => _inner.GetLocalPathAsync(name, cancellationToken);

        public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => _inner.ListAsync(prefix, cancellationToken);

        public Task DeleteAsync(string name, CancellationToken cancellationToken = default) => _inner.DeleteAsync(name, cancellationToken);

        public Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default) => Task.FromResult(new Uri("/srv/out/" + name));
    }
}
