using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Fountain;
using CloudReel.Core.Planning.Text;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using CloudReel.Core.Text;
using YamlDotNet.Serialization;

namespace CloudReel.Core.Tests.Planning;

public class SamplePlanningTests
{
    [Fact]
    public void Plan_HangzhouSample_GivesBilingualShotsThatFillFortySeconds()
    {
        var fields = ReadOrder("hangzhou-brief/order.yaml");
        var order = new FilmOrder
        {
            Title = (string)fields["title"],
            Style = (string)fields["style"],
            Languages = ((List<object>)fields["languages"]).Cast<string>().ToList(),
            Brief = (string)fields["brief"],
            TargetSeconds = double.Parse((string)fields["duration"], System.Globalization.CultureInfo.InvariantCulture),
        };

        var result = RuleBasedPlanner.Plan(order, null, PlanningFixtures.Animatic);

        var shots = result.Planned.Shots;
        shots.Should().HaveCount(7);
        shots.Should().OnlyContain(s => s.Captions.ContainsKey("zh-CN") && s.Captions.ContainsKey("en"));
        shots.Should().OnlyContain(s => DisplayWidth.Of(s.Captions["zh-CN"]) <= 84 && DisplayWidth.Of(s.Captions["en"]) <= 84);
        shots.Should().OnlyContain(s => ScriptDetector.Detect(s.Prompt) == TextScript.Latin);
        (shots.Sum(s => s.Seconds) - (shots.Count - 1) * TransitionSpec.DefaultSeconds).Should().BeApproximately(40, 0.25);
        shots.Select(s => s.Id).Should().OnlyHaveUniqueItems().And.OnlyContain(id => StoreLayout.IsValidId(id));
        result.Notes.Should().NotContain(n => n.Contains("left empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ScreenplaySample_HasTheElementsItShowsOff()
    {
        var document = FountainParser.Parse(PlanningFixtures.ReadSample("screenplay/night-ferry.fountain"));

        document.TitleValue("Title").Should().Be("Night Ferry");
        var kinds = document.Elements.Select(e => e.Kind).ToHashSet();
        kinds.Should().Contain([
            FountainElementKind.SceneHeading, FountainElementKind.Action, FountainElementKind.Character,
            FountainElementKind.Dialogue, FountainElementKind.Parenthetical, FountainElementKind.Transition]);
        document.Elements.Should().NotContain(e => e.Text.Contains("[[", StringComparison.Ordinal) || e.Text.Contains("/*", StringComparison.Ordinal));
        document.Elements.Should().NotContain(e => e.Text.Contains("Should I let it go", StringComparison.Ordinal), "that dialogue is in the boneyard");
    }

    [Fact]
    public void Plan_ScreenplaySample_PlansSensibleShots()
    {
        var fields = ReadOrder("screenplay/order.yaml");
        var order = new FilmOrder
        {
            Title = (string)fields["title"],
            Style = (string)fields["style"],
            Languages = ((List<object>)fields["languages"]).Cast<string>().ToList(),
            Script = (string)fields["script"],
        };
        var script = PlanningFixtures.ReadSample("screenplay/" + order.Script);

        var result = RuleBasedPlanner.Plan(order, script, PlanningFixtures.Animatic);

        var shots = result.Planned.Shots;
        shots.Should().HaveCount(8, "four scenes with 2, 3, 2 and 1 action paragraphs");
        shots[0].Prompt.Should().StartWith("Exterior, Shiliupu Ferry Pier, night: Rain has just stopped.");
        shots[1].Prompt.Should().Contain("Mei, late twenties").And.NotContain("MEI");
        shots[1].Captions["en"].Should().Be("Last crossing tonight! Hold it, please. I'm here.");
        shots[2].Prompt.Should().StartWith("Interior, Ferry Cabin: ");
        shots[4].Transition!.Kind.Should().Be(TransitionKind.Dissolve);
        shots[5].Camera.Should().Be(CameraMove.Aerial, "the skyline slides past");
        shots[7].Transition!.Kind.Should().Be(TransitionKind.FadeBlack);
        shots.Should().OnlyContain(s => s.Seconds >= 3 && s.Seconds <= 30);
        result.Notes.Should().NotContain(n => n.Contains("title page", StringComparison.Ordinal));
    }

    private static Dictionary<string, object> ReadOrder(string relativePath) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(PlanningFixtures.ReadSample(relativePath));
}
