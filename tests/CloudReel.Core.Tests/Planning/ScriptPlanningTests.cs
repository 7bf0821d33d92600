using CloudReel.Core.Orders;
using CloudReel.Core.Planning;

namespace CloudReel.Core.Tests.Planning;

public class ScriptPlanningTests
{
    private const string Script = """
        Title: The Crossing

        EXT. BUND WATERFRONT - DUSK

        LIN waits at the railing as the lights come on.

        LIN
        (to herself)
        He's late again.

        A horn sounds across the water.

        DISSOLVE TO:

        INT. FERRY CABIN - NIGHT

        LIN
        You came.

        MARCO
        I always do.

        SMASH CUT TO:

        EXT. PUDONG PIER - NIGHT

        Lin and Marco step off the ferry into the rain.

        FADE OUT.
        """;

    [Fact]
    public void Plan_Script_MakesAShotPerActionParagraphWithSceneContext()
    {
        var shots = Plan(Script).Planned.Shots;

        shots.Select(s => s.Prompt).Should().Equal(
            "Exterior, Bund Waterfront, dusk: Lin waits at the railing as the lights come on.",
            "Exterior, Bund Waterfront, dusk: A horn sounds across the water.",
            "Interior, Ferry Cabin, night: Lin and Marco.",
            "Exterior, Pudong Pier, night: Lin and Marco step off the ferry into the rain.");
    }

    [Fact]
    public void Plan_ScriptDialogue_CaptionsTheShotItFollowsWithoutSpeakerOrParenthetical()
    {
        var shots = Plan(Script).Planned.Shots;

        shots[0].Captions.Should().Equal(new Dictionary<string, string> { ["en"] = "He's late again." });
        shots[1].Captions.Should().BeEmpty();
        shots[2].Captions.Should().Equal(new Dictionary<string, string> { ["en"] = "You came. I always do." });
    }

    [Fact]
    public void Plan_ScriptTransitions_SetThePreviousShotsOutgoingTransition()
    {
        var shots = Plan(Script).Planned.Shots;

        shots.Select(s => s.Transition?.Kind).Should().Equal(
            null, TransitionKind.Dissolve, TransitionKind.Cut, TransitionKind.FadeBlack);
        shots[1].Transition!.Seconds.Should().Be(TransitionSpec.DefaultSeconds);
    }

    [Fact]
    public void Plan_ScriptTitleDiffersFromOrder_AddsANote()
    {
        var notes = Plan(Script).Notes;

        notes.Should().Contain("the script's title page says 'The Crossing'; the order's title 'Test film' is kept");
    }

    [Fact]
    public void Plan_ScriptTitleMatchesOrder_AddsNoTitleNote()
    {
        var order = PlanningFixtures.Script("en") with { Title = "the crossing" };

        var notes = RuleBasedPlanner.Plan(order, Script, PlanningFixtures.Animatic).Notes;

        notes.Should().NotContain(n => n.Contains("title page", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_ScriptDialogueInTwoScripts_GoesToTheMatchingLanguages()
    {
        const string script = "INT. TEAHOUSE - DAY\n\nMEI pours tea for her grandfather.\n\nMEI\n爷爷，请喝茶。\n\nGRANDFATHER\nThank you, little one.\n";

        var shot = RuleBasedPlanner.Plan(PlanningFixtures.Script("en", "zh-CN"), script, PlanningFixtures.Animatic).Planned.Shots.Single();

        shot.Captions.Should().Equal(new Dictionary<string, string> { ["zh-CN"] = "爷爷，请喝茶。", ["en"] = "Thank you, little one." });
        shot.Prompt.Should().Be("Interior, Teahouse, day: Mei pours tea for her grandfather.");
    }

    [Fact]
    public void Plan_ScriptScene_LeavesOffScreenVoicesOutOfThePeoplePresent()
    {
        const string script = "INT. CABIN - NIGHT\n\nLIN\nWho's there?\n\nRADIO (V.O.)\nLast crossing in five minutes.\n";

        var shot = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), script, PlanningFixtures.Animatic).Planned.Shots.Single();

        shot.Prompt.Should().Be("Interior, Cabin, night: Lin.");
        shot.Id.Should().Be("s01-cabin");
    }

    [Fact]
    public void Plan_PlannedScriptOrder_IsRenderable()
    {
        var planned = Plan(Script).Planned;

        planned.Script.Should().BeNull();
        planned.NeedsPlanning.Should().BeFalse();
        planned.Shots.Should().OnlyContain(s => s.Seconds >= 3 && s.Prompt.Length > 0);
    }

    private static PlanResult Plan(string script) =>
        RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), script, PlanningFixtures.Animatic);
}
