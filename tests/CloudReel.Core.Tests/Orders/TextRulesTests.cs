using CloudReel.Core.Orders;

namespace CloudReel.Core.Tests.Orders;

public class TextRulesTests
{
    [Theory]
    [InlineData("The Bund", 8)]
    [InlineData("外滩", 4)]
    [InlineData("外滩 The Bund", 13)]
    [InlineData("ＡＢ", 4)]
    [InlineData("안녕", 4)]
    [InlineData("e\u0301", 1)]
    [InlineData("😀", 2)]
    [InlineData("one\ntwo", 6)]
    public void DisplayWidth_CountsWideCharactersTwice(string text, int width)
    {
        TextRules.DisplayWidth(text).Should().Be(width);
    }

    [Fact]
    public void Length_CountsCodePointsNotUtf16Units()
    {
        TextRules.Length("😀😀a").Should().Be(3);
    }

    [Theory]
    [InlineData("refs/bund.jpg", null)]
    [InlineData("a/b/C.JPEG", null)]
    [InlineData("refs/bund", "'refs/bund' is not an image: use a .png, .jpg, .jpeg or .webp file")]
    [InlineData("refs/.hidden.png", "'refs/.hidden.png' is not a safe relative path: each part must start with a letter or digit and use only letters, digits, spaces, '.', '_', '-' and parentheses")]
    [InlineData("refs//a.png", "'refs//a.png' is not a safe relative path: each part must start with a letter or digit and use only letters, digits, spaces, '.', '_', '-' and parentheses")]
    public void ExplainPath_SaysWhyAPathIsRefused(string path, string? reason)
    {
        TextRules.ExplainPath(path, OrderFormat.Image.Extensions, "image").Should().Be(reason);
    }

    [Theory]
    [InlineData("refs/bund.jpg", true)]
    [InlineData("refs/.hidden.png", false)]
    [InlineData("refs//a.png", false)]
    [InlineData("a.png/", false)]
    [InlineData("a.PnG", true)]
    [InlineData("a.png.txt", false)]
    public void ImagePattern_AgreesWithExplainPath(string path, bool valid)
    {
        ScalarRules.Matches(path, OrderFormat.Image.Pattern).Should().Be(valid);
        (TextRules.ExplainPath(path, OrderFormat.Image.Extensions, "image") is null).Should().Be(valid);
    }
}
