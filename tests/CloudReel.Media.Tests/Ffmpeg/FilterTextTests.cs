using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Tests.Ffmpeg;

public sealed class FilterTextTests
{
    [Theory]
    [InlineData("/tmp/a.ass", "/tmp/a.ass")]
    [InlineData("C:/x", @"C\\:/x")]
    [InlineData("it's", @"it\\\'s")]
    [InlineData("a,b;[c]", @"a\,b\;\[c\]")]
    [InlineData(@"back\slash", @"back\\\\slash")]
    public void OptionValue_SpecialCharacters_EscapedForBothParserLevels(string value, string expected) =>
        FilterText.OptionValue(value).Should().Be(expected);

    [Fact]
    public async Task OptionValue_PathWithQuotesColonsCommasBrackets_FfmpegOpensTheFile()
    {
        using var media = new Support.TestMedia();
        var folder = Path.Combine(media.Directory, "we'ird: dir,[x];\\y");
        Directory.CreateDirectory(folder);
        var textFile = Path.Combine(folder, "text.txt");
        await File.WriteAllTextAsync(textFile, "hello");
        var font = await new CloudReel.Media.Fonts.FontLocator().LocateAsync();

        var run = () => media.Runner.RunAsync(
        [
            "-f", "lavfi", "-i", "color=s=64x36:d=0.1",
            "-vf", $"drawtext=fontfile={FilterText.OptionValue(font.FilePath)}:textfile={FilterText.OptionValue(textFile)}",
            "-f", "null", "-",
        ]);

        await run.Should().NotThrowAsync();
    }

    [Fact]
    public void Number_AnyCulture_UsesDotAndNoExponent()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            FilterText.Number(1.5).Should().Be("1.5");
            FilterText.Number(47.0 / 30).Should().Be("1.566667");
            FilterText.Number(0.0000001).Should().Be("0");
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
