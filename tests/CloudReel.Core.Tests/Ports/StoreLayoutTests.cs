using CloudReel.Core.Ports;

namespace CloudReel.Core.Tests.Ports;

public class StoreLayoutTests
{
    private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Names_FollowTheLayout()
    {
        StoreLayout.Clip(Key).Should().Be($"clips/{Key}.mp4");
        StoreLayout.ClipRecord(Key).Should().Be($"clips/{Key}.json");
        StoreLayout.JobRecord(Key).Should().Be($"jobs/{Key}.json");
        StoreLayout.FilmOutput("shanghai-1", "report.json").Should().Be("films/shanghai-1/report.json");
        StoreLayout.OrderFile("shanghai-1", "refs/外滩 1.jpg").Should().Be("orders/shanghai-1/refs/外滩 1.jpg");
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("refs/../../x.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("refs\\x.jpg")]
    [InlineData("https://example.com/x.jpg")]
    [InlineData("refs//x.jpg")]
    [InlineData(".hidden")]
    [InlineData("refs/x.jpg ")]
    [InlineData("")]
    public void IsSafeRelativePath_RejectsTraversalAbsoluteAndUrls(string path) => StoreLayout.IsSafeRelativePath(path).Should().BeFalse();

    [Theory]
    [InlineData("Film")]
    [InlineData("film_1")]
    [InlineData("-film")]
    [InlineData("film.1")]
    [InlineData("")]
    public void RequireId_RejectsAnythingButLowerCaseDigitsAndDashes(string id) =>
        FluentActions.Invoking(() => StoreLayout.RequireId(id)).Should().Throw<ArgumentException>();

    [Fact]
    public void Clip_RejectsWhatIsNotAContentKey() =>
        FluentActions.Invoking(() => StoreLayout.Clip("../" + Key)).Should().Throw<ArgumentException>();
}
