using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

/// <summary>shots[].image as an https URL: accepted in form only, checked for size once fetched with the order.</summary>
public class RemoteImageOrderTests
{
    private const long MB = 1024 * 1024;
    private const string Url = "https://cdn.example.com/refs/bund.jpg?v=2";

    [Fact]
    public async Task LoadAsync_HttpsImageUrl_IsAcceptedAndAskedForLikeAFile()
    {
        var files = new FakeOrderFiles().With(Url, 2 * MB);

        var order = await LoadValidAsync(Lines("title: T", "shots:", $"  - {{id: a, prompt: p, image: '{Url}'}}"), files: files);

        order.Shots[0].Image.Should().Be(Url);
        files.Requested.Should().Equal(Url);
    }

    [Fact]
    public async Task LoadAsync_FetchedImageOverTheLimit_IsRejected()
    {
        var files = new FakeOrderFiles().With(Url, 21 * MB);

        var error = await SingleErrorAsync(Lines("title: T", "shots:", $"  - {{id: a, prompt: p, image: '{Url}'}}"), files: files);

        error.Field.Should().Be("shots[0].image");
        error.Message.Should().Contain("at most 20 MB");
    }

    [Fact]
    public async Task LoadAsync_ImageUrlNotFetched_SaysSo()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", $"  - {{id: a, prompt: p, image: '{Url}'}}"), files: new FakeOrderFiles());

        error.Message.Should().Be($"the image at {Url} was not fetched with the order");
    }

    [Theory]
    [InlineData("ftp://cdn.example.com/a.png", "is a ftp URL; give an https URL")]
    [InlineData("https://10.0.0.1/a.png", "names an IP address")]
    [InlineData("https://[::1]/a.png", "names an IP address")]
    [InlineData("https://localhost/a.png", "'localhost' is not a public host name")]
    [InlineData("https://example.com:99999/x.png", "is not a valid URL")]
    [InlineData("https://me:secret@cdn.example.com/a.png", "carries a user name or password")]
    public async Task LoadAsync_ImageUrlOfTheWrongForm_IsRejectedWithoutFetching(string url, string message)
    {
        var files = new FakeOrderFiles();

        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - id: a", "    prompt: p", $"    image: '{url}'"), files: files);

        error.Field.Should().Be("shots[0].image");
        error.Message.Should().Contain(message).And.NotContain("secret");
        files.Requested.Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_UrlForMusic_IsStillRejected()
    {
        var error = await SingleErrorAsync(Lines("title: T", "music: 'https://cdn.example.com/a.mp3'", "brief: b"), files: new FakeOrderFiles());

        error.Message.Should().Contain("is a URL; put the file next to the order");
    }
}
