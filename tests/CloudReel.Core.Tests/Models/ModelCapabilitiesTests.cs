using CloudReel.Core.Models;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Tests.Models;

public class ModelCapabilitiesTests
{
    private static readonly ModelCapabilities Sora = new()
    {
        Name = "sora-2",
        Version = "2",
        Durations = DurationOptions.Only(4, 8, 12),
        Sizes = [new FrameSize(1280, 720), new FrameSize(720, 1280)],
        PricePerSecond = 0.10m,
    };

    [Theory]
    [InlineData(5, 4)]
    [InlineData(7, 8)]
    [InlineData(6, 4)]
    [InlineData(20, 12)]
    public void Fit_DiscreteDurations_NearestAllowed(double wanted, double fitted) => Sora.Durations.Fit(wanted).Should().Be(fitted);

    [Theory]
    [InlineData(5, 8)]
    [InlineData(8, 8)]
    [InlineData(13, 12)]
    public void FitAtLeast_DiscreteDurations_ShortestThatCoversTheShot(double wanted, double fitted) =>
        Sora.Durations.FitAtLeast(wanted).Should().Be(fitted);

    [Fact]
    public void Fit_Range_ClampsToTheRange()
    {
        var range = DurationOptions.Range(1, 20);
        range.Fit(0.2).Should().Be(1);
        range.Fit(7.25).Should().Be(7.3);
        range.Accepts(20).Should().BeTrue();
        range.Accepts(20.5).Should().BeFalse();
    }

    [Fact]
    public void ChooseSize_SameShapeAtLeastAsLarge_ElseTheLargest()
    {
        Sora.ChooseSize(new FrameSize(1920, 1080)).Should().Be(new FrameSize(1280, 720), "nothing larger exists: the largest of that shape");
        Sora.ChooseSize(new FrameSize(320, 180)).Should().Be(new FrameSize(1280, 720));
        Sora.ChooseSize(new FrameSize(1080, 1920)).Should().Be(new FrameSize(720, 1280));
        new ModelCapabilities { Name = "any", Version = "1", Durations = DurationOptions.Range(1, 5) }
            .ChooseSize(new FrameSize(320, 180)).Should().Be(new FrameSize(320, 180));
    }

    [Fact]
    public void EstimateCost_PricePerSecondTimesSeconds() => Sora.EstimateCost(8).Should().Be(0.80m);
}
