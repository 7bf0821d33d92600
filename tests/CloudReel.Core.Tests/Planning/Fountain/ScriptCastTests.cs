using CloudReel.Core.Orders;
using CloudReel.Core.Planning;

namespace CloudReel.Core.Tests.Planning.Fountain;

/// <summary>A screenplay's characters become the planned film's cast, and each shot names the characters it shows.</summary>
public class ScriptCastTests
{
    private static readonly string NightFerry = PlanningFixtures.ReadSample("screenplay/night-ferry.fountain");

    [Fact]
    public void Plan_SampleScreenplay_CastsItsCharactersWithTheLooksTheyAreIntroducedWith()
    {
        var planned = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), NightFerry, PlanningFixtures.Animatic).Planned;

        planned.Characters.Select(c => (c.Id, c.Name, c.Look)).Should().Equal(
            ("deckhand", "Deckhand", "Deckhand"),
            ("mei", "Mei", "late twenties, a courier bag over one shoulder"),
            ("old-man", "Old Man", "Old Man"));
    }

    [Fact]
    public void Plan_SampleScreenplay_EachShotsCastIsWhoItShowsOrHearsSpeakingOnScreen()
    {
        var shots = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), NightFerry, PlanningFixtures.Animatic).Planned.Shots;

        shots[0].Cast.Should().BeEmpty("the pier in the rain shows no one yet");
        shots[1].Cast.Should().Equal("deckhand", "mei");
        shots.Where(s => s.Prompt.Contains("Mei", StringComparison.Ordinal)).Should().OnlyContain(s => s.Cast.Contains("mei"));
        shots.Should().Contain(s => s.Cast.Contains("old-man"));
    }

    [Fact]
    public void Cast_PlannedScreenplay_PutsMeisOneLookIntoEveryPromptSheIsIn()
    {
        var planned = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), NightFerry, PlanningFixtures.Animatic).Planned;
        var models = new Dictionary<string, Core.Models.ModelCapabilities> { ["animatic"] = PlanningFixtures.Animatic };

        var prompts = ShotCasting.Cast(planned, models, new Dictionary<string, string>()).Shots.Select(s => s.Chain[0].Request.Prompt).ToList();

        prompts.Where((_, i) => planned.Shots[i].Cast.Contains("mei")).Should().HaveCountGreaterThan(2)
            .And.OnlyContain(p => p.Contains("Mei: late twenties, a courier bag over one shoulder.", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_SampleScreenplay_ScenesInSeveralShotsFlowAsSequences()
    {
        var result = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), NightFerry, PlanningFixtures.Animatic with { ImageToVideo = true });

        result.Planned.Shots.Select(s => s.Sequence ?? "-").Should().Equal("scene-1", "scene-1", "scene-2", "scene-2", "scene-2", "scene-3", "scene-3", "-");
        result.Notes.Should().Contain("3 scene(s) told in several shots flow as sequences: each of their shots starts from the last frame of the one before");
    }

    [Fact]
    public void Plan_ScreenplayOnAModelWithoutImageToVideo_MakesNoSequences()
    {
        var textOnly = PlanningFixtures.Animatic;

        var shots = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), NightFerry, textOnly).Planned.Shots;

        shots.Should().OnlyContain(s => s.Sequence == null);
    }

    [Fact]
    public void Plan_OrderWithItsOwnCast_KeepsItsLooksAndAddsOnlyTheScriptsOthers()
    {
        var order = PlanningFixtures.Script("en") with { Characters = [new CastMember("mei", "Mei", "a courier in a red jacket", ["cast/mei.png"])] };

        var planned = RuleBasedPlanner.Plan(order, NightFerry, PlanningFixtures.Animatic).Planned;

        planned.Characters.Should().HaveCount(3);
        planned.Characters[0].Should().BeSameAs(order.Characters[0]);
        planned.Characters.Select(c => c.Id).Should().Equal("mei", "deckhand", "old-man");
    }

    [Fact]
    public void Plan_BriefWithACast_GivesEachShotTheCharactersItNames()
    {
        var order = PlanningFixtures.Brief("Mei runs along the pier at dawn.\n\nThe boats head out to sea.\n\nGrandpa Lin waves from the deck.", "en") with
        {
            Characters = [new CastMember("mei", "Mei", "a girl of eight", []), new CastMember("lin", "Grandpa Lin", "an old fisherman", [])],
        };

        var shots = RuleBasedPlanner.Plan(order, null, PlanningFixtures.Animatic).Planned.Shots;

        shots.Select(s => string.Join(",", s.Cast)).Should().Equal("mei", "", "lin");
    }
}
