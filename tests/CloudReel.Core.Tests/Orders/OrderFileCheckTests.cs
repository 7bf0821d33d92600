using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

/// <summary>Files an order names, checked through <see cref="IOrderFiles"/>.</summary>
public class OrderFileCheckTests
{
    [Fact]
    public async Task LoadAsync_MissingImage_SaysItIsRelativeToTheOrder()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - id: bund", "    prompt: p", "    image: refs/bund.jpg"));

        error.Should().Be(new OrderError("order.yaml", 5, 12, "shots[0].image", "file not found: refs/bund.jpg (relative to the order file)"));
    }

    [Theory]
    [InlineData("music: a/song.mp3", 51, "a/song.mp3 is 51 MB; at most 50 MB is allowed here")]
    [InlineData("logo: logo.webp", 6, "logo.webp is 6 MB; at most 5 MB is allowed here")]
    [InlineData("script: s.fountain", 2, "s.fountain is 2 MB; at most 1 MB is allowed here")]
    public async Task LoadAsync_FileTooLarge_SaysTheLimit(string line, long megabytes, string message)
    {
        var path = line[(line.IndexOf(' ') + 1)..];
        var files = new FakeOrderFiles().With(path, megabytes * MB);
        var text = line.StartsWith("script", StringComparison.Ordinal) ? Lines("title: T", line) : Lines("title: T", line, "brief: b");

        var error = await SingleErrorAsync(text, files: files);

        error.Line.Should().Be(2);
        error.Message.Should().Be(message);
    }

    [Fact]
    public async Task LoadAsync_ImageOfTwentyMegabytes_IsAllowed()
    {
        var files = new FakeOrderFiles().With("a.PNG", 20 * MB);

        var order = await LoadValidAsync(Lines("title: T", "shots:", "  - {id: a, prompt: p, image: a.PNG}"), files: files);

        order.Shots[0].Image.Should().Be("a.PNG");
    }

    [Theory]
    [InlineData("/home/me/a.png", "'/home/me/a.png' is an absolute path; paths are relative to the order file, e.g. 'refs/bund.jpg'")]
    [InlineData("C:/refs/a.png", "'C:/refs/a.png' is an absolute path; paths are relative to the order file, e.g. 'refs/bund.jpg'")]
    [InlineData("../a.png", "'../a.png' leaves the order's folder ('..'); paths are relative to the order file, e.g. 'refs/bund.jpg' and inside its folder")]
    [InlineData("refs\\\\a.png", "'refs\\a.png' uses backslashes; separate folders with '/'")]
    [InlineData("http://example.com/a.png", "'http://example.com/a.png' uses http; reference images are fetched over https only")]
    [InlineData("refs/a*b.png", "'refs/a*b.png' is not a safe relative path: each part must start with a letter or digit and use only letters, digits, spaces, '.', '_', '-' and parentheses")]
    [InlineData("refs/a.gif", "'refs/a.gif' is not an image: use a .png, .jpg, .jpeg or .webp file")]
    public async Task LoadAsync_UnsafeOrWrongPath_IsRejectedWithoutTouchingFiles(string path, string message)
    {
        var files = new FakeOrderFiles();

        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - id: a", "    prompt: p", $"    image: \"{path}\""), files: files);

        error.Should().Be(new OrderError("order.yaml", 5, 12, "shots[0].image", message));
        files.Requested.Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_SameImageInTwoShots_IsLookedUpOnce()
    {
        var files = new FakeOrderFiles().With("a.jpg", 100);

        await LoadValidAsync(Lines("title: T", "shots:", "  - {id: a, prompt: p, image: a.jpg}", "  - {id: b, prompt: p, image: a.jpg}"), files: files);

        files.Requested.Should().Equal("a.jpg");
    }
}
