using CloudReel.Core.Planning.Text;
using CloudReel.Core.Text;

namespace CloudReel.Core.Tests.Planning.Text;

public class ClauseCutterTests
{
    [Fact]
    public void FitCaption_ShortText_IsKeptWithWhitespaceNormalised()
    {
        ClauseCutter.FitCaption("  The lake\n at dawn.  ").Should().Be("The lake at dawn.");
    }

    [Fact]
    public void FitCaption_LongEnglish_CutsAtTheLastClauseThatFits()
    {
        const string text = "The ferry crosses the river at night, its lights trembling on the water, "
            + "while the city hums on both banks and the last passengers doze.";

        var caption = ClauseCutter.FitCaption(text);

        caption.Should().Be("The ferry crosses the river at night, its lights trembling on the water");
        DisplayWidth.Of(caption).Should().BeLessThanOrEqualTo(ClauseCutter.CaptionWidth);
    }

    [Fact]
    public void FitCaption_LongChinese_CountsCjkAsTwoColumnsAndCutsAtClause()
    {
        const string text = "清晨的西湖，薄雾笼住断桥，湖面静得像一张未干的宣纸，远处的保俶塔在晨光中慢慢显出轮廓，游船还没有出发。";

        var caption = ClauseCutter.FitCaption(text);

        text.Length.Should().BeLessThan(ClauseCutter.CaptionWidth, "only counting CJK as two columns makes it too long");
        caption.Should().Be("清晨的西湖，薄雾笼住断桥，湖面静得像一张未干的宣纸，远处的保俶塔在晨光中慢慢显出轮廓");
        DisplayWidth.Of(caption).Should().Be(84);
        caption.Should().NotContain(ClauseCutter.Ellipsis);
    }

    [Fact]
    public void FitCaption_NoClauseFits_CutsBetweenWordsWithEllipsis()
    {
        const string text = "A single very long sentence without any commas that keeps going past the caption limit for sure";

        var caption = ClauseCutter.FitCaption(text);

        caption.Should().EndWith(ClauseCutter.Ellipsis);
        DisplayWidth.Of(caption).Should().BeLessThanOrEqualTo(ClauseCutter.CaptionWidth);
        var words = caption.TrimEnd('…').Split(' ');
        words.Should().OnlyContain(w => text.Split(' ').Contains(w), "no word is cut in half");
    }

    [Fact]
    public void FitCaption_AbbreviationDot_IsNotAClauseEnd()
    {
        const string text = "Shanghai wakes slowly at dawn. Mr. Chen opens his noodle shop at 5.30 a.m. on a quiet lane in the old town, steam rising.";

        ClauseCutter.FitCaption(text).Should().Be("Shanghai wakes slowly at dawn.");
    }

    [Fact]
    public void FitCaption_OneWordLongerThanTheLimit_IsCutByCharacters()
    {
        var caption = ClauseCutter.FitCaption(new string('x', 100));

        caption.Should().Be(new string('x', 83) + ClauseCutter.Ellipsis);
    }

    [Fact]
    public void Fit_PromptLimitInCharacters_CutsAtAClause()
    {
        ClauseCutter.Fit("Boats drift, lanterns glow, and the city sleeps.", 30, s => s.Length).Should().Be("Boats drift, lanterns glow");
    }

    [Theory]
    [InlineData("West Lake 西湖！", 16)]
    [InlineData("서울", 4)]
    [InlineData("ＡＢＣ", 6)]
    [InlineData("e\u0301", 1)]
    [InlineData("🌸", 2)]
    [InlineData("かな。", 6)]
    public void DisplayWidth_Text_CountsWideCharactersAsTwo(string text, int expected)
    {
        DisplayWidth.Of(System.Text.RegularExpressions.Regex.Unescape(text)).Should().Be(expected);
    }
}
