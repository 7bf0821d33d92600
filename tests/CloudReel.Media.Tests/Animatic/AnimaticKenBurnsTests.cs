using CloudReel.Core.Orders;

namespace CloudReel.Media.Tests.Animatic;

public sealed class AnimaticKenBurnsTests : IDisposable
{
    private readonly AnimaticFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData(CameraMove.Static)]
    [InlineData(CameraMove.PushIn)]
    [InlineData(CameraMove.PullOut)]
    [InlineData(CameraMove.PanLeft)]
    [InlineData(CameraMove.PanRight)]
    [InlineData(CameraMove.Tracking)]
    [InlineData(CameraMove.TiltUp)]
    [InlineData(CameraMove.TiltDown)]
    [InlineData(CameraMove.CraneUp)]
    [InlineData(CameraMove.CraneDown)]
    [InlineData(CameraMove.Aerial)]
    [InlineData(CameraMove.Orbit)]
    [InlineData(CameraMove.Handheld)]
    public async Task SubmitAsync_WithImage_ExactFramesSizeNoAudioAndTheCameraMoves(CameraMove camera)
    {
        var image = await _fixture.StoreImageAsync("ref.png", "testsrc2=s=480x360");

        var clip = await _fixture.RenderAsync(AnimaticFixture.Request(camera: camera, seconds: 1.5, reference: image), $"key-{camera}");

        var streams = await _fixture.Media.StreamsAsync(clip);
        streams.Should().ContainSingle();
        streams[0].Type.Should().Be("video");
        streams[0].Frames.Should().Be(45);
        (streams[0].Width, streams[0].Height).Should().Be((320, 180));
        streams[0].FrameRate.Should().Be("30/1");
        streams[0].PixelFormat.Should().Be("yuv420p");
        var first = await _fixture.Media.FrameRgbAsync(clip, 0);
        var last = await _fixture.Media.FrameRgbAsync(clip, 44);
        first.Should().NotEqual(last, "the camera should move");
    }

    [Theory]
    [InlineData(CameraMove.PushIn, "centre", true)]
    [InlineData(CameraMove.PullOut, "centre", false)]
    [InlineData(CameraMove.PanRight, "x", true)]
    [InlineData(CameraMove.PanLeft, "x", false)]
    [InlineData(CameraMove.TiltDown, "y", true)]
    [InlineData(CameraMove.TiltUp, "y", false)]
    [InlineData(CameraMove.CraneDown, "y", true)]
    [InlineData(CameraMove.CraneUp, "y", false)]
    public async Task SubmitAsync_WithImage_MovesInTheCamerasDirection(CameraMove camera, string brightTowards, bool getsBrighter)
    {
        // Brightness grows to the right (x), downwards (y) or towards the centre: the move shows as brightness over time.
        var source = brightTowards switch
        {
            "x" => "gradients=s=480x360:c0=black:c1=white:x0=0:y0=0:x1=479:y1=0",
            "y" => "gradients=s=480x360:c0=black:c1=white:x0=0:y0=0:x1=0:y1=359",
            _ => "color=black:s=480x360,geq=lum='255*max(0\\,1-hypot(X-W/2\\,Y-H/2)/(H/2))':cb=128:cr=128",
        };
        var image = await _fixture.StoreImageAsync($"{brightTowards}.png", source);

        var clip = await _fixture.RenderAsync(AnimaticFixture.Request(camera: camera, reference: image), $"dir-{camera}");

        var start = await _fixture.Media.AverageRgbAsync(clip, 0);
        var end = await _fixture.Media.AverageRgbAsync(clip, 29);
        (end.G > start.G + 3).Should().Be(getsBrighter, $"start {start.G:0.0}, end {end.G:0.0}");
        (end.G < start.G - 3).Should().Be(!getsBrighter, $"start {start.G:0.0}, end {end.G:0.0}");
    }

    [Theory]
    [InlineData(CameraMove.PullOut)]
    [InlineData(CameraMove.PanLeft)]
    [InlineData(CameraMove.TiltUp)]
    [InlineData(CameraMove.Aerial)]
    public async Task SubmitAsync_ContinuingTheShotBefore_OpensOnTheWholePictureAndStillMoves(CameraMove camera)
    {
        var image = await _fixture.StoreImageAsync($"last-frame-{camera}.png", "testsrc2=s=320x180");
        var whole = await _fixture.RenderAsync(AnimaticFixture.Request(camera: CameraMove.Static, reference: image), $"whole-{camera}");

        var continuing = await _fixture.RenderAsync(AnimaticFixture.Request(camera: camera, reference: image) with { ContinuesFrom = "sha-of-the-clip-before" }, $"cont-{camera}");
        var alone = await _fixture.RenderAsync(AnimaticFixture.Request(camera: camera, reference: image), $"alone-{camera}");

        var wholeFirst = await _fixture.Media.FrameRgbAsync(whole, 0);
        MeanDifference(await _fixture.Media.FrameRgbAsync(continuing, 0), wholeFirst).Should().BeLessThan(3, "the first frame is the picture the shot continues from");
        MeanDifference(await _fixture.Media.FrameRgbAsync(alone, 0), wholeFirst).Should().BeGreaterThan(8, "alone, the move starts inside the picture (the control)");
        MeanDifference(await _fixture.Media.FrameRgbAsync(continuing, 29), wholeFirst).Should().BeGreaterThan(8, "the camera still moves");
    }

    private static double MeanDifference(byte[] a, byte[] b)
    {
        a.Length.Should().Be(b.Length);
        long sum = 0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return (double)sum / a.Length;
    }

    [Fact]
    public async Task SubmitAsync_SameImageRequestTwice_IdenticalFrames()
    {
        var image = await _fixture.StoreImageAsync("same.png", "testsrc2=s=400x400");
        var request = AnimaticFixture.Request(camera: CameraMove.Handheld, reference: image);

        var first = await _fixture.RenderAsync(request, "same-one");
        var second = await _fixture.RenderAsync(request, "same-two");

        first.Should().NotBe(second);
        (await _fixture.Media.FrameHashesAsync(first)).Should().Equal(await _fixture.Media.FrameHashesAsync(second));
    }
}
