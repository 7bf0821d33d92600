using CloudReel.Core.Orders;
using CloudReel.Core.Planning;

namespace CloudReel.Core.Tests.Planning.Briefs;

/// <summary>Whole briefs handed over on their own, as `cloudreel plan notes.txt` reads them.</summary>
public class BriefReadingTests
{
    [Fact]
    public void FromBrief_NumberedShotsWithCaptionLines_CaptionTheShotTheyFollow()
    {
        const string brief = """
            Project: First Snow

            Scene 1 (0-5s): A girl opens her window to a snowy street.
            Caption: The first snow.
            Scene 2: Children build a snowman in the park.
            Caption: Winter is for everyone.
            Music: a music box, slow.
            """;

        var planned = Plan(brief);

        planned.Title.Should().Be("First Snow");
        planned.Shots.Select(s => s.Prompt).Should().Equal("A girl opens her window to a snowy street.", "Children build a snowman in the park.");
        planned.Shots.Select(s => s.Captions["en"]).Should().Equal("The first snow.", "Winter is for everyone.");
    }

    [Fact]
    public void FromBrief_ChineseShotList_CaptionsComeFromTheCaptionLinesOnly()
    {
        const string brief = "镜头1：清晨的外滩，江面薄雾。\n字幕：早安，上海。\n镜头2：南京路上行人匆匆。\n字幕：这座城市从不停歇。\n音乐：轻快的钢琴";

        var planned = Plan(brief, "外滩");

        planned.Title.Should().Be("外滩");
        planned.Languages.Should().Equal("zh-CN");
        planned.Shots.Select(s => s.Captions["zh-CN"]).Should().Equal("早安，上海。", "这座城市从不停歇。");
        planned.Shots.Should().NotContain(s => s.Prompt.Contains("钢琴", StringComparison.Ordinal));
    }

    [Fact]
    public void FromBrief_RequestSentence_IsNoShotAndItsLengthIsTheTarget()
    {
        const string brief = """
            Lantern Night

            We need a 60-second video for our overseas social channels.

            Lanterns rise over the river as the crowd falls silent.

            A child lets go of a paper lantern shaped like a rabbit.
            """;

        var order = DocumentOrders.FromBrief(brief, "notes");
        var planned = RuleBasedPlanner.Plan(order, null, PlanningFixtures.Animatic).Planned;

        order.Title.Should().Be("Lantern Night");
        order.TargetSeconds.Should().Be(60);
        planned.Shots.Should().HaveCount(2);
        planned.Shots.Should().NotContain(s => s.Prompt.Contains("We need", StringComparison.Ordinal));
    }

    [Fact]
    public void FromBrief_FirstLineIsASentence_TitleFallsBackToTheFileName()
    {
        var order = DocumentOrders.FromBrief("Dawn breaks over the harbour.\n\nBoats head out to sea.", "harbour-notes");

        order.Title.Should().Be("harbour-notes");
        RuleBasedPlanner.Plan(order, null, PlanningFixtures.Animatic).Planned.Shots.Should().HaveCount(2);
    }

    [Fact]
    public void FromBrief_TitleGivenByHand_StillKeepsTheTitleLineOutOfTheShots()
    {
        var order = DocumentOrders.FromBrief("Harbour Notes\n\nBoats head out to sea.", "x", new DocumentHints(Title: "Sea Morning"));

        var planned = RuleBasedPlanner.Plan(order, null, PlanningFixtures.Animatic).Planned;

        planned.Title.Should().Be("Sea Morning");
        planned.Shots.Should().ContainSingle().Which.Prompt.Should().Be("Boats head out to sea.");
    }

    [Fact]
    public void FromBrief_FrontMatterAndVoiceOverSection_GiveFactsAndCaptionsInOrder()
    {
        const string brief = """
            ---
            title: Tea Road
            duration: 40 seconds
            style: paper cut-out animation
            ---

            ## Storyboard

            - Caravans climb a mountain road at dawn.
            - A trader weighs tea bricks in a market.

            ## Voice-over

            一条路，连起了山和海。
            One road joined the mountains to the sea.
            茶香走了千年。
            Tea has travelled for a thousand years.
            """;

        var order = DocumentOrders.FromBrief(brief, "x");
        var planned = RuleBasedPlanner.Plan(order, null, PlanningFixtures.Animatic).Planned;

        order.Title.Should().Be("Tea Road");
        order.TargetSeconds.Should().Be(40);
        order.Style.Should().Be("paper cut-out animation");
        order.Languages.Should().Equal("zh-CN", "en");
        planned.Shots[0].Captions.Should().Equal(new Dictionary<string, string> { ["zh-CN"] = "一条路，连起了山和海。", ["en"] = "One road joined the mountains to the sea." });
        planned.Shots[1].Captions["en"].Should().Be("Tea has travelled for a thousand years.");
    }

    [Fact]
    public void FromBrief_BracketedDirection_ShapesTheNextShotAndIsNeverACaption()
    {
        const string brief = "Morning Market\n\n[Slow push-in]\nA woman arranges peaches in a pyramid.\n\n(SFX: street noise)\n\nA boy carries a basket of eggs.";

        var planned = Plan(brief);

        planned.Shots.Should().HaveCount(2);
        planned.Shots[0].Prompt.Should().Be("Slow push-in. A woman arranges peaches in a pyramid.");
        planned.Shots[0].Captions["en"].Should().Be("A woman arranges peaches in a pyramid.");
        planned.Shots.SelectMany(s => s.Captions.Values).Should().NotContain(c => c.Contains("street noise", StringComparison.Ordinal));
    }

    [Fact]
    public void FromScript_TitlePageAndDialogue_GiveTitleLengthAndLanguages()
    {
        const string script = """
            Title: Night Bus
            Notes: A 30-second short in a neon noir style.

            INT. NIGHT BUS - NIGHT

            A tired nurse leans her head on the window.

            DRIVER
            (without turning)
            Last stop, miss.
            """;

        var order = DocumentOrders.FromScript(script, "night-bus.fountain", "night-bus");
        var planned = RuleBasedPlanner.Plan(order, script, PlanningFixtures.Animatic).Planned;

        order.Title.Should().Be("Night Bus");
        order.TargetSeconds.Should().Be(30);
        order.Style.Should().Be("neon noir");
        order.Languages.Should().Equal("en");
        planned.Shots.Should().ContainSingle().Which.Captions["en"].Should().Be("Last stop, miss.");
    }

    [Fact]
    public void Plan_OrderWithItsOwnStyleAndDuration_KeepsThemOverTheBriefs()
    {
        var order = new FilmOrder
        {
            Title = "River",
            Style = "oil painting",
            TargetSeconds = 20,
            Languages = ["en"],
            Brief = "A 45-second film in a soft ink-wash style.\n\nA boat drifts down the river.",
        };

        var planned = RuleBasedPlanner.Plan(order, null, PlanningFixtures.Animatic).Planned;

        planned.Style.Should().Be("oil painting");
        planned.Shots.Should().ContainSingle().Which.Seconds.Should().Be(20);
    }

    private static FilmOrder Plan(string brief, string fallbackTitle = "brief") =>
        RuleBasedPlanner.Plan(DocumentOrders.FromBrief(brief, fallbackTitle), null, PlanningFixtures.Animatic).Planned;
}
