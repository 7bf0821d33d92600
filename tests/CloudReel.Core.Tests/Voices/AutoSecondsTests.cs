using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Speech;
using CloudReel.Core.Tests.Orders;

namespace CloudReel.Core.Tests.Voices;

/// <summary>'seconds: auto': a shot as long as its speech, at a length its model offers; estimated at validation, measured once spoken, the same keys every time.</summary>
public class AutoSecondsTests
{
    private const string Order = """
        title: Pier
        languages: [zh-CN, en]
        model: sora-2
        fallback: [vidu-q2]
        shots:
          - id: pier
            prompt: The pier at dawn
            seconds: auto
            narration: {zh-CN: 清晨的码头，渔船一艘艘回来了。, en: Dawn at the pier.}
          - {id: sea, prompt: The sea, seconds: 4}
        """;

    private static Task<OrderLoadResult> LoadAsync(string text) => new OrderLoader(new FakeOrderFiles(), OrderTestKit.Models).LoadAsync(text, "order.yaml");

    [Fact]
    public async Task Load_AutoShot_TakesTheModelsShortestLengthThatHoldsTheEstimate_AndIsWrittenBackAsAuto()
    {
        var result = await LoadAsync(Order);

        result.Errors.Should().BeEmpty();
        var estimate = ShotLengths.Estimate(result.Order!, result.Order!.Shots[0])!.Value;
        estimate.Should().BeInRange(4.01, 7.99, "14 CJK characters with a pause, plus padding");
        result.Order.Shots[0].Should().BeEquivalentTo(new { AutoSeconds = true, Seconds = 8.0 }, "sora-2 makes 4, 8 or 12 s");
        result.Order.Shots[1].Should().BeEquivalentTo(new { AutoSeconds = false, Seconds = 4.0 });

        var animatic = (await LoadAsync(Order.Replace("model: sora-2", "model: animatic", StringComparison.Ordinal))).Order!;
        animatic.Shots[0].Seconds.Should().Be(Math.Ceiling(estimate * 10) / 10, "a model with any length takes the estimate to the tenth above");
        OrderYamlWriter.Write(result.Order).Should().Contain("seconds: auto");
        (await LoadAsync(OrderYamlWriter.Write(result.Order))).Order!.Shots[0].Should().BeEquivalentTo(new { AutoSeconds = true, Seconds = 8.0 });
    }

    [Fact]
    public async Task Load_AutoOnAShotThatSaysNothing_IsLocatedAtItsSeconds()
    {
        var result = await LoadAsync(Order.Replace("{id: sea, prompt: The sea, seconds: 4}", "{id: sea, prompt: The sea, seconds: auto}", StringComparison.Ordinal));

        var error = result.Errors.Should().ContainSingle().Which;
        (error.Field, error.Line, error.Column).Should().Be(("shots[1].seconds", 10, 41));
        error.Message.Should().Contain("shot 'sea' has none").And.Contain("give it a length in seconds");
    }

    [Fact]
    public async Task Load_AutoShotLongerThanItsModelMakes_SaysByHowMuch()
    {
        var result = await LoadAsync(Order.Replace("model: sora-2\nfallback: [vidu-q2]\n", "model: vidu-q2\n", StringComparison.Ordinal)
            .Replace("清晨的码头，渔船一艘艘回来了。", "清晨的码头，渔船一艘艘回来了，渔民们把一筐筐的鱼搬上岸，市场慢慢热闹起来。", StringComparison.Ordinal));

        var error = result.Errors.Should().ContainSingle().Which;
        error.Field.Should().Be("shots[0].narration");
        error.Message.Should().Contain("the longest shot its model makes lasts 8 s").And.Contain("too long");
    }

    [Fact]
    public async Task Resolve_MeasuredSpeech_DecidesTheLength_AndTheSameSpeechGivesTheSameContentKeys()
    {
        var order = (await LoadAsync(Order.Replace("model: sora-2", "model: animatic", StringComparison.Ordinal))).Order!;
        var spoken = new SpokenFilm { Shots = [new SpokenShot("pier", "speech/x.wav", 3.02, [])] };

        var measured = ShotLengths.Resolve(order, OrderTestKit.Models, spoken);
        var plan = ShotCasting.Cast(measured, OrderTestKit.Models, new Dictionary<string, string>());
        var again = ShotCasting.Cast(ShotLengths.Resolve(order, OrderTestKit.Models, spoken with { }), OrderTestKit.Models, new Dictionary<string, string>());

        measured.Shots[0].Seconds.Should().Be(3.3, "3.02 s of voice-over (its lead-in included) and 0.25 s after it, to the tenth above");
        measured.Shots[1].Seconds.Should().Be(4);
        plan.Shots[0].Chain.Select(a => (a.Model, a.Request.Seconds)).Should().Equal(("animatic", 3.3), ("vidu-q2", 4.0));
        again.Shots.Select(s => s.Chain[0].ContentKey).Should().Equal(plan.Shots.Select(s => s.Chain[0].ContentKey));
        ShotCasting.Cast(order, OrderTestKit.Models, new Dictionary<string, string>()).Shots[0].Chain[0].ContentKey
            .Should().NotBe(plan.Shots[0].Chain[0].ContentKey, "the estimate and the measure give different lengths here");
    }
}
