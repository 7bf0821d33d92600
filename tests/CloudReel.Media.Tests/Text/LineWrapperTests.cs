using CloudReel.Core.Text;
using CloudReel.Media.Text;

namespace CloudReel.Media.Tests.Text;

public sealed class LineWrapperTests
{
    [Fact]
    public void Wrap_LatinText_BreaksAtSpaces()
    {
        LineWrapper.Wrap("the quick brown fox jumps over the lazy dog", 15)
            .Should().Equal("the quick brown", "fox jumps over", "the lazy dog");
    }

    [Fact]
    public void Wrap_OverlongWord_IsHardBroken()
    {
        LineWrapper.Wrap("a supercalifragilistic word", 8)
            .Should().Equal("a", "supercal", "ifragili", "stic", "word");
    }

    [Fact]
    public void Wrap_Chinese_BreaksBetweenCharactersAtTwoUnitsEach()
    {
        LineWrapper.Wrap("上海的清晨薄雾笼罩外滩", 10)
            .Should().Equal("上海的清晨", "薄雾笼罩外", "滩");
    }

    [Fact]
    public void Wrap_ClosingPunctuation_NeverStartsALine()
    {
        var lines = LineWrapper.Wrap("上海的清晨，薄雾笼罩外滩。", 10);

        lines.Should().Equal("上海的清", "晨，薄雾笼", "罩外滩。");
        lines.Should().OnlyContain(l => !l.StartsWith('，') && !l.StartsWith('。'));
    }

    [Fact]
    public void Wrap_OpeningBracket_NeverEndsALine()
    {
        var lines = LineWrapper.Wrap("他说「你好世界」然后走了", 8);

        lines.Should().OnlyContain(l => !l.EndsWith('「'));
        lines.Should().OnlyContain(l => !l.StartsWith('」'));
        string.Concat(lines).Should().Be("他说「你好世界」然后走了");
    }

    [Fact]
    public void Wrap_MixedChineseAndLatin_KeepsLatinWordsWhole()
    {
        var lines = LineWrapper.Wrap("欢迎来到Shanghai市中心", 12);

        lines.Should().Equal("欢迎来到", "Shanghai市中", "心");
    }

    [Fact]
    public void Wrap_ExplicitNewlines_AreKept()
    {
        LineWrapper.Wrap("first line\nsecond", 40).Should().Equal("first line", "second");
    }

    [Fact]
    public void Wrap_EveryLine_FitsTheWidth()
    {
        const string text = "长江之水天上来，奔流到海不复回。Lorem ipsum dolor sit amet, consectetur adipiscing elit（括号里的话）结束！";

        foreach (var width in new[] { 4, 7, 10, 16, 30 })
        {
            LineWrapper.Wrap(text, width).Should().OnlyContain(l => DisplayWidth.Of(l) <= width, $"width {width}");
        }
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("上海", 4)]
    [InlineData("ＡＢ", 4)]
    [InlineData("e\u0301", 1)]
    public void DisplayWidth_Of_CountsWideCharactersTwice(string text, int width) =>
        DisplayWidth.Of(text).Should().Be(width);
}
