using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Text;

namespace CloudReel.Core.Tests.Planning;

public class BriefPlanningTests
{
    private const string EnglishBrief = """
        Early morning. The clock tower strikes seven as joggers pass the old banks along the river.

        Close on a street vendor's hands as she folds dumplings at a steaming stall.
        Later, an aerial view of the skyline shows the towers of Pudong catching the last light of the day.
        """;

    [Fact]
    public void Plan_EnglishBrief_MakesOneShotPerSentenceUnitWithCaptions()
    {
        var result = RuleBasedPlanner.Plan(PlanningFixtures.Brief(EnglishBrief, "en"), null, PlanningFixtures.Animatic);

        var shots = result.Planned.Shots;
        shots.Select(s => s.Prompt).Should().Equal(
            "Early morning. The clock tower strikes seven as joggers pass the old banks along the river.",
            "Close on a street vendor's hands as she folds dumplings at a steaming stall.",
            "Later, an aerial view of the skyline shows the towers of Pudong catching the last light of the day.");
        shots.Select(s => s.Captions.GetValueOrDefault("en")).Should().Equal(
            ["Early morning.", null, "Later, an aerial view of the skyline shows the towers of Pudong catching the last…"],
            "a stage direction ('Close on …') is a shot, never a caption");
        shots.Select(s => s.Id).Should().Equal("s01-early-morning", "s02-close-street", "s03-later-aerial");
    }

    [Fact]
    public void Plan_BriefOrder_ClearsPlanningFieldsAndKeepsTheRest()
    {
        var order = PlanningFixtures.Brief(EnglishBrief, "en") with { TargetSeconds = 20, Music = "music.mp3", Label = "AI" };

        var planned = RuleBasedPlanner.Plan(order, null, PlanningFixtures.Animatic).Planned;

        planned.Brief.Should().BeNull();
        planned.Script.Should().BeNull();
        planned.TargetSeconds.Should().BeNull();
        planned.NeedsPlanning.Should().BeFalse();
        planned.Should().BeEquivalentTo(order, o => o
            .Excluding(x => x.Shots).Excluding(x => x.Brief).Excluding(x => x.TargetSeconds).Excluding(x => x.NeedsPlanning));
    }

    [Fact]
    public void Plan_ChineseBrief_SplitsAtFullwidthMarksAndNumbersIds()
    {
        const string brief = "清晨，外滩的钟声响起。江面上的渡轮缓缓驶过，留下一道道白色的水痕。\n\n夜幕降临，南京路上的霓虹灯一盏盏亮起来。";

        var result = RuleBasedPlanner.Plan(PlanningFixtures.Brief(brief, "zh-CN", "en"), null, PlanningFixtures.Animatic);

        var shots = result.Planned.Shots;
        shots.Select(s => s.Prompt).Should().Equal("清晨，外滩的钟声响起。", "江面上的渡轮缓缓驶过，留下一道道白色的水痕。", "夜幕降临，南京路上的霓虹灯一盏盏亮起来。");
        shots.Select(s => s.Id).Should().Equal("s01", "s02", "s03");
        shots.Should().OnlyContain(s => s.Captions.Keys.SequenceEqual(new[] { "zh-CN" }));
        result.Notes.Should().Contain("captions for 'en' left empty: the brief has no English text");
    }

    [Fact]
    public void Plan_BilingualParagraphs_MakeOneShotWithACaptionPerLanguage()
    {
        const string brief = "清晨的西湖，薄雾笼住断桥。\nAt dawn, mist veils the Broken Bridge.\n\n灵隐寺的钟声在山谷里回荡。\nA temple bell echoes through the valley at Lingyin.";

        var shots = RuleBasedPlanner.Plan(PlanningFixtures.Brief(brief, "zh-CN", "en"), null, PlanningFixtures.Animatic).Planned.Shots;

        shots.Should().HaveCount(2);
        shots[0].Captions.Should().Equal(new Dictionary<string, string>
        {
            ["zh-CN"] = "清晨的西湖，薄雾笼住断桥。",
            ["en"] = "At dawn, mist veils the Broken Bridge.",
        });
        shots[0].Prompt.Should().Be("At dawn, mist veils the Broken Bridge.", "the English text is preferred for prompts");
        shots[1].Id.Should().Be("s02-temple-bell");
    }

    [Fact]
    public void Plan_BilingualBriefWithoutACjkLanguage_LeavesChineseOutAndSaysSo()
    {
        const string brief = "夜幕降临，外滩亮起灯光。\nNight falls and the Bund lights up.";

        var result = RuleBasedPlanner.Plan(PlanningFixtures.Brief(brief, "en", "fr"), null, PlanningFixtures.Animatic);

        result.Planned.Shots.Single().Captions.Should().Equal(new Dictionary<string, string> { ["en"] = "Night falls and the Bund lights up." });
        result.Notes.Should().Contain(n => n.StartsWith("CJK text in shots s01-night-falls left out of captions", StringComparison.Ordinal));
        result.Notes.Should().Contain("captions for 'fr' left empty: the brief has no 'fr' text");
    }

    [Fact]
    public void Plan_ShortParagraphs_LeadTheNextParagraphInTheirScript()
    {
        const string brief = "Spring\n\n西湖边的桃花开了。\nPeach blossoms open by the lake.\n\n夏天\n\n荷花铺满了整个湖面，游船缓缓驶过。";

        var shots = RuleBasedPlanner.Plan(PlanningFixtures.Brief(brief, "zh-CN", "en"), null, PlanningFixtures.Animatic).Planned.Shots;

        shots.Should().HaveCount(2);
        shots[0].Captions["en"].Should().Be("Spring: Peach blossoms open by the lake.");
        shots[0].Captions["zh-CN"].Should().Be("西湖边的桃花开了。");
        shots[1].Captions["zh-CN"].Should().Be("夏天：荷花铺满了整个湖面，游船缓缓驶过。");
    }

    [Fact]
    public void Plan_LongPrompt_IsCutToTheModelsPromptLimit()
    {
        var model = PlanningFixtures.Animatic with { MaxPromptLength = 120 };
        const string brief = "A quiet lane, grey tiles, a cat asleep on a step, laundry over the alley, an old man with a birdcage, the smell of tea.";

        var result = RuleBasedPlanner.Plan(PlanningFixtures.Brief(brief), null, model);

        var shot = result.Planned.Shots.Single();
        PromptComposer.Compose("watercolor", shot.Prompt, shot.Camera).Length.Should().BeLessThanOrEqualTo(120);
        result.Notes.Should().Contain(n => n.StartsWith("prompt of shot s01-quiet-lane shortened", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_LongCaptionText_IsCutToTheWidthLimit()
    {
        const string brief = "The ferry crosses the river slowly, its deck lights trembling on the black water, while both banks glow.";

        var result = RuleBasedPlanner.Plan(PlanningFixtures.Brief(brief, "en"), null, PlanningFixtures.Animatic);

        var caption = result.Planned.Shots.Single().Captions["en"];
        caption.Should().Be("The ferry crosses the river slowly, its deck lights trembling on the black water");
        DisplayWidth.Of(caption).Should().BeLessThanOrEqualTo(84);
        result.Notes.Should().Contain(n => n.StartsWith("captions shortened to fit 84 columns", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_SecondsWithoutTarget_FollowReadingTime()
    {
        const string brief = "A fisherman mends his net on the quiet pier before dawn.\n\n清晨，外滩的钟声在江面上久久回荡。";

        var shots = RuleBasedPlanner.Plan(PlanningFixtures.Brief(brief, "en", "zh-CN"), null, PlanningFixtures.Animatic).Planned.Shots;

        shots[0].Seconds.Should().Be(5.5, "11 words at 2.5 words/s plus 1 s is 5.4 s");
        shots[1].Seconds.Should().Be(5, "15 CJK characters at 4/s plus 1 s is 4.75 s");
    }

    [Fact]
    public void Plan_TargetDuration_IsHonouredOnTheFilmLength()
    {
        var order = PlanningFixtures.Brief(EnglishBrief, "en") with { TargetSeconds = 25 };

        var result = RuleBasedPlanner.Plan(order, null, PlanningFixtures.Animatic);

        var shots = result.Planned.Shots;
        var film = shots.Sum(s => s.Seconds) - (shots.Count - 1) * order.Transition.OverlapSeconds;
        film.Should().BeApproximately(25, 0.25);
        result.Notes.Should().Contain("film runs 25 s, the 25 s target, over 3 shots");
    }

    [Fact]
    public void Plan_EmptyBrief_PlansOneShotOfTheTitle()
    {
        var result = RuleBasedPlanner.Plan(PlanningFixtures.Brief("  \n\n "), null, PlanningFixtures.Animatic);

        result.Planned.Shots.Should().ContainSingle().Which.Prompt.Should().Be("Test film");
        result.Notes.Should().Contain("the brief yields no shots: planned one shot of the title");
    }

    [Fact]
    public void Plan_VeryLongBrief_StopsAtTwoHundredShots()
    {
        var brief = string.Join("\n\n", Enumerable.Range(1, 230).Select(i => $"Shot number {i} shows the river at a different hour."));

        var result = RuleBasedPlanner.Plan(PlanningFixtures.Brief(brief), null, PlanningFixtures.Animatic);

        result.Planned.Shots.Should().HaveCount(RuleBasedPlanner.MaxShots);
        result.Planned.Shots[^1].Id.Should().Be("s200-number-shows");
        result.Notes.Should().Contain("the brief yields 230 shots: only the first 200 were planned");
    }

    [Fact]
    public void Plan_OrderWithShots_IsReturnedUnchanged()
    {
        var order = new FilmOrder { Title = "Ready", Brief = "Ignored.", Shots = [new ShotSpec { Id = "a", Prompt = "A pier." }] };

        var result = RuleBasedPlanner.Plan(order, null, PlanningFixtures.Animatic);

        result.Planned.Should().BeSameAs(order);
        result.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Plan_ScriptOrderWithoutScriptText_Throws()
    {
        var act = () => RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), null, PlanningFixtures.Animatic);

        act.Should().Throw<ArgumentException>().WithParameterName("scriptText");
    }
}
