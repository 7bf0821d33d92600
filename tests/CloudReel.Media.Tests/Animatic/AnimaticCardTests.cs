using CloudReel.Core.Orders;
using CloudReel.Media.Fonts;
using CloudReel.Media.Tests.Fonts;

namespace CloudReel.Media.Tests.Animatic;

public sealed class AnimaticCardTests : IDisposable
{
    // The band of a 320x180 card where one or two lines of shot text sit.
    private static readonly (int X, int Y, int W, int H) TextBand = (20, 50, 280, 60);

    private readonly AnimaticFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task SubmitAsync_NoImage_CardWithExactFramesSizeAndNoAudio()
    {
        var clip = await _fixture.RenderAsync(AnimaticFixture.Request(seconds: 2), "card-basic");

        var streams = await _fixture.Media.StreamsAsync(clip);
        streams.Should().ContainSingle().Which.Type.Should().Be("video");
        streams[0].Frames.Should().Be(60);
        (streams[0].Width, streams[0].Height).Should().Be((320, 180));
        streams[0].PixelFormat.Should().Be("yuv420p");
    }

    [Fact]
    public async Task SubmitAsync_ChineseShotText_DrawsRealGlyphs()
    {
        var withText = await _fixture.RenderAsync(AnimaticFixture.Request(shotText: "上海"), "card-shanghai");
        var otherText = await _fixture.RenderAsync(AnimaticFixture.Request(shotText: "北京"), "card-beijing");
        var empty = await _fixture.RenderAsync(AnimaticFixture.Request(shotText: ""), "card-empty");

        var shanghai = await _fixture.Media.FrameRgbAsync(withText, 15, TextBand);
        var beijing = await _fixture.Media.FrameRgbAsync(otherText, 15, TextBand);
        var nothing = await _fixture.Media.FrameRgbAsync(empty, 15, TextBand);

        // Text against no text shows something is drawn; two different words drawing differently
        // shows they are glyphs, not the same missing-glyph box twice.
        BrightPixels(shanghai).Should().BeGreaterThan(BrightPixels(nothing) + 40);
        Difference(shanghai, beijing).Should().BeGreaterThan(40);
        var font = await new FontLocator().LocateAsync();
        (await FontLocatorTests.FontsCovering("4e0a")).Should().Contain(font.FilePath);
    }

    [Fact]
    public async Task SubmitAsync_SameRequestTwice_IdenticalFrames()
    {
        var request = AnimaticFixture.Request(shotText: "薄雾中的外滩，a quiet morning", camera: CameraMove.Orbit);

        var first = await _fixture.RenderAsync(request, "card-a");
        var second = await _fixture.RenderAsync(request, "card-b");

        (await _fixture.Media.FrameHashesAsync(first)).Should().Equal(await _fixture.Media.FrameHashesAsync(second));
    }

    [Fact]
    public async Task SubmitAsync_DifferentPrompts_DifferentBackgrounds()
    {
        var dawn = await _fixture.RenderAsync(AnimaticFixture.Request(shotText: "", prompt: "dawn over the river"), "bg-dawn");
        var night = await _fixture.RenderAsync(AnimaticFixture.Request(shotText: "", prompt: "neon night market"), "bg-night");

        var a = await _fixture.Media.AverageRgbAsync(dawn, 0, (0, 0, 60, 40));
        var b = await _fixture.Media.AverageRgbAsync(night, 0, (0, 0, 60, 40));

        (Math.Abs(a.R - b.R) + Math.Abs(a.G - b.G) + Math.Abs(a.B - b.B)).Should().BeGreaterThan(10);
    }

    [Fact]
    public async Task SubmitAsync_HostileShotText_RendersLiterally()
    {
        const string hostile = "%{pts} it's: a \\ test, [x]; {y} 100% \"q\"\n第二行";

        var clip = await _fixture.RenderAsync(AnimaticFixture.Request(shotText: hostile, seconds: 1), "card-hostile");

        (await _fixture.Media.StreamsAsync(clip))[0].Frames.Should().Be(30);
    }

    private static int BrightPixels(byte[] rgb)
    {
        var count = 0;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            if (rgb[i] > 200 && rgb[i + 1] > 200 && rgb[i + 2] > 200) count++;
        }

        return count;
    }

    private static int Difference(byte[] a, byte[] b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i += 3)
        {
            if (Math.Abs(a[i] - b[i]) + Math.Abs(a[i + 1] - b[i + 1]) + Math.Abs(a[i + 2] - b[i + 2]) > 120) count++;
        }

        return count;
    }
}
