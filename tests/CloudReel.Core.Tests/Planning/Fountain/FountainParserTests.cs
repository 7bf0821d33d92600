using CloudReel.Core.Planning.Fountain;
using Kind = CloudReel.Core.Planning.Fountain.FountainElementKind;

namespace CloudReel.Core.Tests.Planning.Fountain;

public class FountainParserTests
{
    [Fact]
    public void Parse_TitlePage_ReadsKeysInOrderWithIndentedValues()
    {
        const string text = "Title: _**The Last Ferry**_\nCredit: Written by\nAuthor:\n    Ana Ruiz\n    Bo Chen\nDraft date: 1 May\n\nEXT. PIER - NIGHT\n";

        var document = FountainParser.Parse(text);

        document.TitlePage.Select(e => e.Key).Should().Equal("Title", "Credit", "Author", "Draft date");
        document.TitleValue("title").Should().Be("The Last Ferry");
        document.TitleValue("Author").Should().Be("Ana Ruiz\nBo Chen");
        document.Elements.Should().ContainSingle().Which.Should().Be(new FountainElement(Kind.SceneHeading, "EXT. PIER - NIGHT"));
    }

    [Fact]
    public void Parse_ScriptOpeningWithFadeIn_HasNoTitlePage()
    {
        var document = FountainParser.Parse("FADE IN:\n\nINT. CABIN - DAY\n");

        document.TitlePage.Should().BeEmpty();
        document.Elements.Select(e => e.Kind).Should().Equal(Kind.Action, Kind.SceneHeading);
    }

    [Theory]
    [InlineData("INT. CABIN - NIGHT", "INT. CABIN - NIGHT")]
    [InlineData("ext. deck - dawn", "ext. deck - dawn")]
    [InlineData("EST. SKYLINE", "EST. SKYLINE")]
    [InlineData("INT./EXT. FERRY - DAY", "INT./EXT. FERRY - DAY")]
    [InlineData("INT/EXT FERRY - DAY", "INT/EXT FERRY - DAY")]
    [InlineData("I/E FERRY - DAY", "I/E FERRY - DAY")]
    [InlineData(".FLASHBACK ON THE RIVER", "FLASHBACK ON THE RIVER")]
    public void Parse_SceneHeadings_AreRecognisedAndForced(string line, string expected)
    {
        var elements = FountainParser.Parse($"Some action.\n\n{line}\n\nMore action.").Elements;

        elements.Select(e => e.Kind).Should().Equal(Kind.Action, Kind.SceneHeading, Kind.Action);
        elements[1].Text.Should().Be(expected);
    }

    [Fact]
    public void Parse_HeadingPrefixWithoutBlankLineBefore_IsAction()
    {
        var elements = FountainParser.Parse("He looks back.\nINT. CABIN - NIGHT\n").Elements;

        elements.Should().ContainSingle().Which.Should().Be(new FountainElement(Kind.Action, "He looks back.\nINT. CABIN - NIGHT"));
    }

    [Fact]
    public void Parse_SceneNumber_IsTakenOffTheHeading()
    {
        var heading = FountainParser.Parse("INT. CABIN - NIGHT #12A#").Elements.Single();

        heading.Text.Should().Be("INT. CABIN - NIGHT");
        heading.SceneNumber.Should().Be("12A");
    }

    [Fact]
    public void Parse_CharacterDialogueAndParenthetical_AreSeparateElements()
    {
        const string text = "MEI (V.O.)\n(quietly)\nHold the gate.\nPlease.\n\nThe gate closes.";

        var elements = FountainParser.Parse(text).Elements;

        elements.Select(e => e.Kind).Should().Equal(Kind.Character, Kind.Parenthetical, Kind.Dialogue, Kind.Action);
        elements[0].Text.Should().Be("MEI");
        elements[0].Extension.Should().Be("(V.O.)");
        elements[1].Text.Should().Be("(quietly)");
        elements[2].Text.Should().Be("Hold the gate.\nPlease.");
    }

    [Fact]
    public void Parse_AllCapsLineWithoutDialogue_IsAction()
    {
        FountainParser.Parse("\nBOOM\n\nSmoke.").Elements.Select(e => e.Kind).Should().Equal(Kind.Action, Kind.Action);
    }

    [Fact]
    public void Parse_ForcedCharacter_AllowsLowerCase()
    {
        var elements = FountainParser.Parse("@McAvoy\nWho's there?").Elements;

        elements.Select(e => e.Kind).Should().Equal(Kind.Character, Kind.Dialogue);
        elements[0].Text.Should().Be("McAvoy");
    }

    [Fact]
    public void Parse_DualDialogue_MarksBothCharacters()
    {
        const string text = "LIN\nLeft!\n\nMARCO ^\nRight!\n\nOLD MAN\nNeither.";

        var characters = FountainParser.Parse(text).Elements.Where(e => e.Kind == Kind.Character).ToList();

        characters.Select(c => c.Text).Should().Equal("LIN", "MARCO", "OLD MAN");
        characters.Select(c => c.IsDualDialogue).Should().Equal(true, true, false);
    }

    [Fact]
    public void Parse_Transitions_NeedCapsToAndBlankLinesOrForcing()
    {
        const string text = "Action.\n\nCUT TO:\n\nMore.\n\n> Burn to white.\n\nSMASH CUT TO:\nNot a transition.";

        var elements = FountainParser.Parse(text).Elements;

        elements.Select(e => (e.Kind, e.Text)).Should().Equal(
            (Kind.Action, "Action."),
            (Kind.Transition, "CUT TO:"),
            (Kind.Action, "More."),
            (Kind.Transition, "Burn to white."),
            (Kind.Character, "SMASH CUT TO:"),
            (Kind.Dialogue, "Not a transition."));
    }

    [Fact]
    public void Parse_CenteredSectionSynopsisLyricsAndPageBreak_AreRecognised()
    {
        const string text = "# Act One\n\n## The pier\n\n= Mei nearly misses the boat.\n\n>THE END<\n\n~Row, row the ferry\n~across the night\n\n===\n\n!INT. NOT A HEADING";

        var elements = FountainParser.Parse(text).Elements;

        elements.Select(e => (e.Kind, e.Text, e.Depth)).Should().Equal(
            (Kind.Section, "Act One", 1),
            (Kind.Section, "The pier", 2),
            (Kind.Synopsis, "Mei nearly misses the boat.", 0),
            (Kind.Centered, "THE END", 0),
            (Kind.Lyrics, "Row, row the ferry\nacross the night", 0),
            (Kind.PageBreak, "", 0),
            (Kind.Action, "INT. NOT A HEADING", 0));
    }

    [Fact]
    public void Parse_ActionLineBreaksAndForcedBlankLine_AreKept()
    {
        var action = FountainParser.Parse("The lantern glows.\nIt flickers.\n  \nIt holds.").Elements.Single();

        action.Should().Be(new FountainElement(Kind.Action, "The lantern glows.\nIt flickers.\n\nIt holds."));
    }
}
