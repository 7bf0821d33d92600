using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Tests.Planning.Text;

public class SentenceSplitterTests
{
    [Fact]
    public void Split_EnglishSentences_SplitsAtEndMarks()
    {
        SentenceSplitter.Split("The lake is calm. Boats drift by! Can you hear the bell?")
            .Should().Equal("The lake is calm.", "Boats drift by!", "Can you hear the bell?");
    }

    [Fact]
    public void Split_DecimalsAndAbbreviations_AreNotSentenceEnds()
    {
        SentenceSplitter.Split("Mr. Chen walks 3.5 km to the pier at 6 a.m. every day. Dr. Li waits, e.g. by the gate.")
            .Should().Equal("Mr. Chen walks 3.5 km to the pier at 6 a.m. every day.", "Dr. Li waits, e.g. by the gate.");
    }

    [Fact]
    public void Split_QuotedSentence_StaysWhole()
    {
        SentenceSplitter.Split("She whispers \"Wait. Not yet.\" The ferry leaves.")
            .Should().Equal("She whispers \"Wait. Not yet.\"", "The ferry leaves.");
    }

    [Fact]
    public void Split_ChineseText_SplitsAtFullwidthMarksButNotInsideQuotes()
    {
        SentenceSplitter.Split("他说：“走吧。我们回家。”然后离开。湖边很安静；只有风声！")
            .Should().Equal("他说：“走吧。我们回家。”", "然后离开。", "湖边很安静；", "只有风声！");
    }

    [Fact]
    public void Split_LineEnds_EndSentences()
    {
        SentenceSplitter.Split("First line without a stop\nSecond line.\r\n\nThird")
            .Should().Equal("First line without a stop", "Second line.", "Third");
    }

    [Fact]
    public void Split_HardWrappedProse_JoinsLinesThatContinueInLowerCase()
    {
        SentenceSplitter.Split("The ferry crosses the river slowly while\nthe city lights tremble. Gulls\nFollow it home.")
            .Should().Equal("The ferry crosses the river slowly while the city lights tremble.", "Gulls", "Follow it home.");
    }

    [Fact]
    public void Split_EllipsisAndLowerCaseContinuation_SplitOnlyBeforeNewSentence()
    {
        SentenceSplitter.Split("The bell rings... and stops. Silence… Then rain.")
            .Should().Equal("The bell rings... and stops.", "Silence…", "Then rain.");
    }

    [Fact]
    public void Split_WebAddress_IsNotSplit()
    {
        SentenceSplitter.Split("Visit example.com today.").Should().Equal("Visit example.com today.");
    }
}
