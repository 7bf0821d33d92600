using CloudReel.Media.Assembly;

namespace CloudReel.Media.Tests.Assembly;

public sealed class FrameClockTests
{
    [Theory]
    [InlineData(30, 1, 1600, 33, 3)]
    [InlineData(30, 45, 72000, 1500, 150)]
    [InlineData(25, 7, 13440, 280, 28)]
    [InlineData(24, 1, 2000, 42, 4)]
    public void Conversions_FromFrames_ExactOrNearest(int fps, long frame, long sample, long milliseconds, long centiseconds)
    {
        var clock = new FrameClock(fps);

        clock.Sample(frame).Should().Be(sample);
        clock.Milliseconds(frame).Should().Be(milliseconds);
        clock.Centiseconds(frame).Should().Be(centiseconds);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(30)]
    [InlineData(60)]
    public void Centiseconds_AnyFrame_FallsAfterThePreviousFramesMillisecondAndByItsOwn(int fps)
    {
        var clock = new FrameClock(fps);
        for (var frame = 1; frame < 10 * fps; frame++)
        {
            // The subtitles filter asks libass for round(pts in ms).
            var own = (long)Math.Round(frame * 1000.0 / fps);
            var previous = (long)Math.Round((frame - 1) * 1000.0 / fps);
            var edge = clock.Centiseconds(frame) * 10;
            edge.Should().BeLessThanOrEqualTo(own);
            edge.Should().BeGreaterThan(previous);
        }
    }
}
