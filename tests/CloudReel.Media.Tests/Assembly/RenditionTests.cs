using CloudReel.Core.Orders;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>Renditions: every aspect ratio from the same shots, each at its size, reframed as asked, to the frame.</summary>
public sealed class RenditionTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task AssembleAsync_ThreeRenditions_EachAtItsSizeWithExactFramesAndSoundToTheFrame()
    {
        var timeline = Timeline(
            Clip("red", 60, Transition(Crossfade, 15), audio: true),
            Clip("pattern", 30, Transition(SlideLeft, 10)),
            Clip("yellow", 30, audio: true)) with
        {
            Renditions = [Rendition(AspectRatio.Landscape), Rendition(AspectRatio.Portrait), Rendition(AspectRatio.Square, ReframeMode.Blur)],
        };
        var output = fixture.OutputFolder();

        var result = await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        const int frames = 60 + 30 + 30 - 15 - 10;
        result.Files.Should().StartWith(["film.16x9.mp4", "film.9x16.mp4", "film.1x1.mp4"]);
        foreach (var (file, width, height) in new[] { ("film.16x9.mp4", 320, 180), ("film.9x16.mp4", 180, 320), ("film.1x1.mp4", 180, 180) })
        {
            var streams = await fixture.Media.StreamsAsync(Path.Combine(output, file));
            var video = streams.Single(s => s.Type == "video");
            (video.Width, video.Height, video.Frames, video.FrameRate, video.SampleAspectRatio).Should().Be((width, height, (long)frames, "30/1", "1:1"), file);
            streams.Single(s => s.Type == "audio").Duration.Should().BeApproximately(frames / 30.0, 1 / 30.0, $"{file}: audio and video end together");
        }
    }

    [Theory]
    [InlineData(0.1, 255, 0)]
    [InlineData(0.9, 0, 255)]
    public async Task AssembleAsync_CropAroundFocusPoint_KeepsThatPartOfThePicture(double focusX, int red, int blue)
    {
        var clip = Clip("redLeftBlueRight", 30) with { Focus = new FocusPoint(focusX, 0.5) };
        var timeline = Timeline(clip) with { Renditions = [Rendition(AspectRatio.Portrait)] };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        ShouldBeNear(await fixture.Media.AverageRgbAsync(Path.Combine(output, "film.9x16.mp4"), 10), (red, 0, blue));
    }

    [Fact]
    public async Task AssembleAsync_FocusMovesBetweenShots_CropGlidesAcrossTheTransition()
    {
        var timeline = Timeline(
            Clip("redLeftBlueRight", 60, Transition(Crossfade, 30)) with { Focus = new FocusPoint(0, 0.5) },
            Clip("redLeftBlueRight", 60) with { Focus = new FocusPoint(1, 0.5) }) with { Renditions = [Rendition(AspectRatio.Portrait)] };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.9x16.mp4");
        ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 20), (255, 0, 0), because: "before the transition the crop is on the left");
        var middle = await fixture.Media.AverageRgbAsync(film, 45);
        middle.R.Should().BeInRange(40, 215, "half way through the window straddles both halves");
        middle.B.Should().BeInRange(40, 215);
        ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 80), (0, 0, 255), because: "after it, on the right");
    }

    [Fact]
    public async Task AssembleAsync_BlurReframe_WholePictureCentredOverABlurredFill()
    {
        var timeline = Timeline(Clip("redLeftBlueRight", 30)) with { Renditions = [Rendition(AspectRatio.Portrait, ReframeMode.Blur)] };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        // 320x180 fitted into 180x320 is 180x102, centred (rows 109-210): both halves of the picture show.
        var film = Path.Combine(output, "film.9x16.mp4");
        ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 5, (10, 130, 60, 60)), (255, 0, 0));
        ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 5, (110, 130, 60, 60)), (0, 0, 255));
        var fill = await fixture.Media.AverageRgbAsync(film, 5, (0, 0, 180, 90));
        (fill.R + fill.B).Should().BeGreaterThan(120, "the fill above the picture is the picture blurred, not black");
    }
}
