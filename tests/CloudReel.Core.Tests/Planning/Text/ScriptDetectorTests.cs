using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Tests.Planning.Text;

public class ScriptDetectorTests
{
    [Theory]
    [InlineData("清晨的西湖。", "Cjk")]
    [InlineData("At dawn the lake is still.", "Latin")]
    [InlineData("Lingyin Temple (灵隐寺) sits in the hills.", "Latin")]
    [InlineData("我们在 West Lake 散步，看见很多游客。", "Cjk")]
    [InlineData("東京の夜、ネオンが光る。", "Cjk")]
    [InlineData("서울의 밤", "Cjk")]
    [InlineData("2024 — 3.5!", "None")]
    public void Detect_Text_ReturnsItsMainScript(string text, string expected)
    {
        ScriptDetector.Detect(text).ToString().Should().Be(expected);
    }

    [Fact]
    public void CountLatinWords_MixedText_CountsWordsAndNumbers()
    {
        ScriptDetector.CountLatinWords("Mr. Chen's shop opens at 5.30 in 外滩 every-day").Should().Be(8);
    }
}
