using CloudReel.Core.Planning.Fountain;
using Kind = CloudReel.Core.Planning.Fountain.FountainElementKind;

namespace CloudReel.Core.Tests.Planning.Fountain;

public class FountainCleanupTests
{
    [Fact]
    public void Parse_NoteOverSeveralLines_IsRemovedWithoutSplittingTheAction()
    {
        const string text = "The ferry leaves.\n[[Check the horn\nsound with Ana.]]\nGulls scatter. [[inline]] Rain.";

        var elements = FountainParser.Parse(text).Elements;

        elements.Should().ContainSingle().Which.Text.Should().Be("The ferry leaves.\nGulls scatter.  Rain.");
    }

    [Fact]
    public void Parse_BoneyardOverSeveralLines_IsRemovedWithTheElementsInside()
    {
        const string text = "EXT. DECK - NIGHT\n\n/*\nMEI\nShould I let it go?\n\nCUT TO:\n*/\n\nThe lantern rises.";

        var elements = FountainParser.Parse(text).Elements;

        elements.Select(e => (e.Kind, e.Text)).Should().Equal((Kind.SceneHeading, "EXT. DECK - NIGHT"), (Kind.Action, "The lantern rises."));
    }

    [Fact]
    public void Parse_UnclosedNote_StaysAsText()
    {
        FountainParser.Parse("A [[ stray bracket").Elements.Single().Text.Should().Be("A [[ stray bracket");
    }

    [Theory]
    [InlineData("She is *very* late.", "She is very late.")]
    [InlineData("She is **very** late.", "She is very late.")]
    [InlineData("She is ***very*** late.", "She is very late.")]
    [InlineData("She is _very_ late.", "She is very late.")]
    [InlineData("She is _**very**_ late.", "She is very late.")]
    [InlineData(@"Price: 5\*3 \_ok\_", "Price: 5*3 _ok_")]
    [InlineData("A lone * star", "A lone * star")]
    public void Parse_Emphasis_IsStrippedAndEscapesStayLiteral(string line, string expected)
    {
        FountainParser.Parse(line).Elements.Single().Text.Should().Be(expected);
    }

    [Fact]
    public void Parse_EmphasisInDialogueAndHeadings_IsStripped()
    {
        var elements = FountainParser.Parse("INT. *DARK* CABIN\n\nMEI\nI'm **here**.").Elements;

        elements.Select(e => e.Text).Should().Equal("INT. DARK CABIN", "MEI", "I'm here.");
    }

    [Fact]
    public void Parse_WindowsLineEnds_ParseLikeUnixOnes()
    {
        var elements = FountainParser.Parse("INT. CABIN - DAY\r\n\r\nMEI\r\nHello.\r\n").Elements;

        elements.Select(e => e.Kind).Should().Equal(Kind.SceneHeading, Kind.Character, Kind.Dialogue);
    }
}
