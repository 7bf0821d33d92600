using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Tests.Planning.Text;

public class SentenceShaperTests
{
    [Fact]
    public void MergeShort_ShortSentence_JoinsTheNextOne()
    {
        SentenceShaper.MergeShort(["Dawn breaks.", "Fishing boats leave the harbour one by one.", "The gulls follow them out."])
            .Should().Equal("Dawn breaks. Fishing boats leave the harbour one by one.", "The gulls follow them out.");
    }

    [Fact]
    public void MergeShort_LabelWithoutEndMark_BecomesALead()
    {
        SentenceShaper.MergeShort(["Spring", "Peach blossoms open along the causeway."])
            .Should().Equal("Spring: Peach blossoms open along the causeway.");
    }

    [Fact]
    public void MergeShort_ShortLastSentence_JoinsThePreviousOne()
    {
        SentenceShaper.MergeShort(["Close on his hands folding dumplings.", "Nice."])
            .Should().Equal("Close on his hands folding dumplings. Nice.");
    }

    [Fact]
    public void MergeShort_ShortChineseSentence_JoinsWithoutSpace()
    {
        SentenceShaper.MergeShort(["清晨。", "外滩的钟声在江面上回荡。"])
            .Should().Equal("清晨。外滩的钟声在江面上回荡。");
    }

    [Fact]
    public void SplitLong_LongEnglishSentence_SplitsAtAClauseNearTheMiddle()
    {
        const string sentence = "An aerial view of the skyline at dusk shows the towers catching the last light, "
            + "while ferries cross the river below and the Bund fills with people walking, talking and taking photographs of the far side.";

        var pieces = SentenceShaper.SplitLong(sentence);

        pieces.Should().Equal(
            "An aerial view of the skyline at dusk shows the towers catching the last light",
            "While ferries cross the river below and the Bund fills with people walking, talking and taking photographs of the far side.");
        pieces.Should().OnlyContain(p => ScriptDetector.CountLatinWords(p) <= TextMeasure.LongLatinWords);
    }

    [Fact]
    public void SplitLong_LongChineseSentence_SplitsAtFullwidthComma()
    {
        const string sentence = "航拍镜头下，陆家嘴的高楼在晨雾中若隐若现，整座城市正在醒来，街道上的行人越来越多，早餐摊前排起了长队，空气里弥漫着生煎包的香味。";

        var pieces = SentenceShaper.SplitLong(sentence);

        pieces.Should().HaveCount(2);
        string.Concat(pieces).Replace("，", "", StringComparison.Ordinal).Should().Be(sentence.Replace("，", "", StringComparison.Ordinal));
        pieces.Should().OnlyContain(p => ScriptDetector.CountCjk(p) <= TextMeasure.LongCjkCharacters);
    }

    [Fact]
    public void SplitLong_LongSentenceWithoutClauses_StaysWhole()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("word", 30));

        SentenceShaper.SplitLong(sentence).Should().Equal(sentence);
    }
}
