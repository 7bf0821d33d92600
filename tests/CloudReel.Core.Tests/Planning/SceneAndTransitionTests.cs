using CloudReel.Core.Orders;
using CloudReel.Core.Planning;

namespace CloudReel.Core.Tests.Planning;

public class SceneAndTransitionTests
{
    [Theory]
    [InlineData("EXT. THE BUND WATERFRONT - DUSK", "Exterior, the Bund Waterfront, dusk")]
    [InlineData("INT. FERRY CABIN - CONTINUOUS", "Interior, Ferry Cabin")]
    [InlineData("INT./EXT. MEI'S CAR - MOVING - NIGHT", "Interior and exterior, Mei's Car, Moving, night")]
    [InlineData("I/E TAXI - DAY", "Interior and exterior, Taxi, day")]
    [InlineData("EST. SHANGHAI SKYLINE", "Establishing shot, Shanghai Skyline")]
    [InlineData("int. the old teahouse - morning", "Interior, the old teahouse, morning")]
    [InlineData("FLASHBACK ON THE RIVER", "Flashback on the River")]
    public void FromHeading_Heading_ReadsAsAPlainSceneContext(string heading, string expected)
    {
        SceneContext.FromHeading(heading).Describe().Should().Be(expected);
    }

    [Theory]
    [InlineData("CUT TO:", "Cut")]
    [InlineData("SMASH CUT TO:", "Cut")]
    [InlineData("MATCH CUT TO:", "Cut")]
    [InlineData("DISSOLVE TO:", "Dissolve")]
    [InlineData("FADE OUT.", "FadeBlack")]
    [InlineData("FADE TO BLACK:", "FadeBlack")]
    [InlineData("FADE TO WHITE.", "FadeWhite")]
    [InlineData("WIPE TO:", "Crossfade")]
    public void Map_ScreenplayTransition_GivesTheFilmTransition(string text, string expected)
    {
        ScriptTransitions.Map(text, TransitionSpec.Default)!.Kind.ToString().Should().Be(expected);
    }

    [Fact]
    public void Map_FadeIn_IsNoTransition()
    {
        ScriptTransitions.Map("FADE IN:", TransitionSpec.Default).Should().BeNull();
    }

    [Fact]
    public void Map_OrderWithLongerTransitions_KeepsTheOrdersLength()
    {
        ScriptTransitions.Map("DISSOLVE TO:", new TransitionSpec(TransitionKind.Crossfade, 1.2))
            .Should().Be(new TransitionSpec(TransitionKind.Dissolve, 1.2));
        ScriptTransitions.Map("DISSOLVE TO:", TransitionSpec.Cut)
            .Should().Be(new TransitionSpec(TransitionKind.Dissolve, TransitionSpec.DefaultSeconds));
    }

    [Fact]
    public void Plan_HeadingOnlyScene_BecomesAnEstablishingShot()
    {
        const string script = "EST. SHANGHAI SKYLINE - NIGHT\n\nINT. CABIN - NIGHT\n\nMei sits alone.\n";

        var shots = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), script, PlanningFixtures.Animatic).Planned.Shots;

        shots.Select(s => s.Prompt).Should().Equal("Establishing shot, Shanghai Skyline, night.", "Interior, Cabin, night: Mei sits alone.");
        shots[0].Id.Should().Be("s01-shanghai-skyline");
        shots[0].Camera.Should().Be(CameraMove.Aerial);
    }

    [Fact]
    public void Plan_DialogueBeforeAnyActionInAScene_CaptionsTheScenesFirstShot()
    {
        const string script = "INT. CABIN - NIGHT\n\nMEI\nAnyone here?\n\nShe switches on the lamp.\n\nThe cabin is empty.\n";

        var shots = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), script, PlanningFixtures.Animatic).Planned.Shots;

        shots.Should().HaveCount(2);
        shots[0].Captions["en"].Should().Be("Anyone here?");
        shots[1].Captions.Should().BeEmpty();
    }

    [Fact]
    public void Plan_TransitionAfterADialogueOnlyScene_JoinsThatScenesShot()
    {
        const string script = "INT. CABIN - NIGHT\n\nMEI\nAnyone here?\n\nCUT TO:\n\nEXT. DECK - NIGHT\n\nWind.\n";

        var shots = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), script, PlanningFixtures.Animatic).Planned.Shots;

        shots.Select(s => s.Prompt).Should().Equal("Interior, Cabin, night: Mei.", "Exterior, Deck, night: Wind.");
        shots[0].Transition.Should().Be(TransitionSpec.Cut);
        shots[0].Captions["en"].Should().Be("Anyone here?");
    }

    [Fact]
    public void Plan_ScriptWithBriefToo_PlansTheScriptAndSaysSo()
    {
        var order = PlanningFixtures.Script("en") with { Brief = "Something else entirely." };

        var result = RuleBasedPlanner.Plan(order, "EXT. PIER - DAY\n\nGulls circle.\n", PlanningFixtures.Animatic);

        result.Planned.Shots.Single().Prompt.Should().Be("Exterior, Pier, day: Gulls circle.");
        result.Planned.Brief.Should().BeNull();
        result.Notes.Should().Contain("the brief was not used: the order also names a script, and the script was planned");
    }

    [Fact]
    public void Plan_EmptyScript_PlansOneShotOfTheTitle()
    {
        var result = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), "Title: Nothing yet\n\n/* all cut */\n", PlanningFixtures.Animatic);

        result.Planned.Shots.Single().Prompt.Should().Be("Test film");
        result.Notes.Should().Contain("the script yields no shots: planned one shot of the title");
    }

    [Fact]
    public void Plan_OrderWithNothingToPlan_Throws()
    {
        var act = () => RuleBasedPlanner.Plan(new FilmOrder { Title = "Empty" }, null, PlanningFixtures.Animatic);

        act.Should().Throw<ArgumentException>().WithParameterName("order");
    }
}
