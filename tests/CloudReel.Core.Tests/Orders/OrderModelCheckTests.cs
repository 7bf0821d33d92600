using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

/// <summary>Model names and what each shot's model can do, against the fake catalog in <see cref="OrderTestKit"/>.</summary>
public class OrderModelCheckTests
{
    [Fact]
    public async Task LoadAsync_SecondsTheModelDoesNotOffer_SaysWhatItAccepts()
    {
        var error = await SingleErrorAsync(Lines("title: T", "model: sora-2", "shots:", "  - id: a", "    prompt: p", "    seconds: 7"), "samples/x.yaml");

        error.ToString().Should().Be("samples/x.yaml:6:14: shots[0].seconds: 7 seconds is not offered by model 'sora-2' (it accepts 4, 8, 12 s)");
    }

    [Fact]
    public async Task LoadAsync_DefaultSecondsTheModelDoesNotOffer_PointsAtTheShot()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - id: a", "    prompt: p", "    model: sora-2"));

        error.Should().Be(new OrderError("order.yaml", 3, 5, "shots[0].seconds",
            "the default 5 seconds is not offered by model 'sora-2' (it accepts 4, 8, 12 s); set 'seconds'"));
    }

    [Fact]
    public async Task LoadAsync_RangeModel_AcceptsAnySecondsInItsRange()
    {
        var order = await LoadValidAsync(Lines("title: T", "model: kling-v2-1", "shots:", "  - {id: a, prompt: p, seconds: 13.5}"));

        order.Shots[0].Seconds.Should().Be(13.5);
    }

    [Fact]
    public async Task LoadAsync_SecondsBeyondTheModelsRange_SaysTheRange()
    {
        var error = await SingleErrorAsync(Lines("title: T", "model: kling-v2-1", "shots:", "  - {id: a, prompt: p, seconds: 25}"));

        error.Message.Should().Be("25 seconds is not offered by model 'kling-v2-1' (it accepts 1–20 s)");
    }

    [Fact]
    public async Task LoadAsync_ImageForModelWithoutImageToVideo_NamesModelsThatCan()
    {
        var files = new FakeOrderFiles().With("refs/a.jpg", 1000);

        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - {id: a, prompt: p, seconds: 4, model: sora-2, image: refs/a.jpg}"), files: files);

        error.Should().Be(new OrderError("order.yaml", 3, 58, "shots[0].image",
            "model 'sora-2' can't start from an image (no image-to-video); models that can: animatic, kling-v2-1, vidu-q2"));
    }

    [Fact]
    public async Task LoadAsync_PromptLongerThanTheModelTakes_IsAnError()
    {
        var prompt = new string('a', 1001);

        var error = await SingleErrorAsync(Lines("title: T", "model: sora-2", "shots:", "  - id: a", "    prompt: " + prompt, "    seconds: 4"));

        error.Should().Be(new OrderError("order.yaml", 5, 13, "shots[0].prompt", "is 1001 characters long; model 'sora-2' takes at most 1000"));
    }

    [Fact]
    public async Task LoadAsync_ShotModelOverridesOrderModel_ForCapabilityChecks()
    {
        var order = await LoadValidAsync(Lines("title: T", "model: sora-2", "shots:", "  - {id: a, prompt: p, seconds: 7, model: kling-v2-1}"));

        order.Shots[0].Model.Should().Be("kling-v2-1");
    }

    [Fact]
    public async Task LoadAsync_UnknownModels_SuggestConfiguredOnes()
    {
        var result = await LoadAsync(Lines("title: T", "model: sora2", "fallback: [klingv2-1]", "shots:", "  - {id: a, prompt: p, model: vidu-q3}"));

        result.Errors.Select(e => (e.Line, e.Column, e.Field)).Should().Equal((2, 8, "model"), (3, 12, "fallback[0]"), (5, 31, "shots[0].model"));
        result.Errors[0].Message.Should().Be("unknown model 'sora2'; did you mean 'sora-2'? (configured: animatic, kling-v2-1, sora-2, vidu-q2)");
        result.Errors[1].Message.Should().StartWith("unknown model 'klingv2-1'; did you mean 'kling-v2-1'?");
        result.Errors[2].Message.Should().StartWith("unknown model 'vidu-q3'; did you mean 'vidu-q2'?");
    }

    [Fact]
    public async Task LoadAsync_FallbackEqualToTheOrdersModel_IsAnError()
    {
        var error = await SingleErrorAsync(Lines("title: T", "fallback: [kling-v2-1, animatic]", "brief: b"));

        error.Should().Be(new OrderError("order.yaml", 2, 24, "fallback[1]", "'animatic' is already the order's model; fallbacks are other models to try"));
    }

    [Fact]
    public async Task LoadAsync_FallbackModelsDurations_AreNotChecked()
    {
        var order = await LoadValidAsync(Lines("title: T", "fallback: [sora-2]", "shots:", "  - {id: a, prompt: p, seconds: 7}"));

        order.Fallback.Should().Equal("sora-2");
    }

    [Fact]
    public async Task LoadAsync_DefaultModelNotConfigured_SaysToSetModel()
    {
        var models = new Dictionary<string, CloudReel.Core.Models.ModelCapabilities> { ["sora-2"] = OrderTestKit.Models["sora-2"] };

        var result = await new OrderLoader(new FakeOrderFiles(), models).LoadAsync(Lines("title: T", "brief: b"), "o.yaml");

        result.Errors.Should().Equal(new OrderError("o.yaml", 1, 1, "model", "the default model 'animatic' is not configured here; set 'model' to one of: sora-2"));
    }

    [Fact]
    public async Task LoadAsync_RejectedShotModel_SkipsCapabilityChecks()
    {
        var error = await SingleErrorAsync(Lines("title: T", "model: sora-2", "shots:", "  - {id: a, prompt: p, seconds: 7, model: 12}"));

        error.Field.Should().Be("shots[0].model");
        error.Message.Should().StartWith("expected text, found number 12");
    }

    [Fact]
    public async Task LoadAsync_RejectedOrderModel_DoesNotCheckShotsAgainstTheDefault()
    {
        var result = await LoadAsync(Lines("title: T", "model: 7", "fallback: [animatic]", "shots:", "  - {id: a, prompt: p, seconds: 70}"));

        result.Errors.Select(e => e.Field).Should().Equal("model", "shots[0].seconds");
        result.Errors[1].Message.Should().Be("must be from 1 to 60 seconds, found 70");
    }
}
