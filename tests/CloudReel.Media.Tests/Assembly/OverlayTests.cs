using System.Text.Json;
using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>What is drawn over the picture: captions inside each rendition's safe area, Chinese glyphs, the AI label, the logo, the metadata label.</summary>
public sealed class OverlayTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const string LongCaption = "沿着苏州河，老仓库变成了画廊与咖啡馆，黄昏时分灯火次第亮起 Along Suzhou River the old warehouses became galleries";

    [Theory]
    [InlineData("16:9", 320, 180)]
    [InlineData("9:16", 180, 320)]
    [InlineData("1:1", 180, 180)]
    public async Task AssembleAsync_LongBilingualCaption_DrawnInsideTheRenditionsSafeArea(string ratio, int width, int height)
    {
        AspectRatio.TryParse(ratio, out var aspect).Should().BeTrue();
        var timeline = Timeline(Clip("grey", 30)) with
        {
            Renditions = [Rendition(aspect)],
            Captions = [new CaptionTrack("zh", [new CaptionCue(0, 30, LongCaption)]), new CaptionTrack("en", [new CaptionCue(0, 30, "A long English line under the Chinese one, wrapped to fit")])],
            BurnedLanguages = ["zh", "en"],
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var marked = await MarkedPixelsAsync(Path.Combine(output, $"film.{aspect.FileTag}.mp4"), 15, width, height);
        marked.Count.Should().BeGreaterThan(200, "the captions are drawn");
        var safe = SafeArea.For(aspect);
        const int Slack = 2;
        marked.Min(p => p.X).Should().BeGreaterThanOrEqualTo((int)(width * safe.Left) - Slack);
        marked.Max(p => p.X).Should().BeLessThan(width - (int)(width * safe.Right) + Slack);
        marked.Max(p => p.Y).Should().BeLessThan(height - (int)(height * safe.Bottom) + Slack);
        marked.Min(p => p.Y).Should().BeGreaterThan(height / 3, "captions sit in the lower part of the picture");
    }

    [Fact]
    public async Task AssembleAsync_ChineseCaptions_RenderRealGlyphsNotTofu()
    {
        // With no font for them, both would draw as identical boxes; real glyphs differ.
        var timeline = Timeline(Clip("grey", 60)) with
        {
            Captions = [new CaptionTrack("zh", [new CaptionCue(0, 30, "外滩夜色"), new CaptionCue(30, 60, "豫园灯会")])],
            BurnedLanguages = ["zh"],
            Renditions = [new TimelineRendition(AspectRatio.Landscape, new FrameSize(640, 360), ReframeMode.Crop, -14, SafeArea.For(AspectRatio.Landscape))],
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        var first = (await BrightPixelsAsync(film, 15, 640, 360)).ToHashSet();
        var second = (await BrightPixelsAsync(film, 45, 640, 360)).ToHashSet();
        first.Count.Should().BeGreaterThan(60);
        second.Count.Should().BeGreaterThan(60);
        var shared = first.Intersect(second).Count();
        shared.Should().BeLessThan(Math.Min(first.Count, second.Count) / 2, $"different characters draw different strokes ({first.Count} and {second.Count} pixels)");
    }

    [Fact]
    public async Task AssembleAsync_Label_ShownAtStartAndEndAtLeastFivePercentTall()
    {
        var timeline = Timeline(Clip("grey", 60, Transition(TransitionKind.Cut, 0)), Clip("grey", 60), Clip("grey", 60)) with
        {
            Label = new TimelineLabel("AI生成", Corner.TopLeft, [new FrameSpan(0, 60), new FrameSpan(150, 180)]),
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        var inkRows = (await BrightPixelsAsync(film, 30, 320, 180)).Where(p => p.X < 160 && p.Y < 90).Select(p => p.Y).Distinct().ToList();
        inkRows.Should().NotBeEmpty("the label opens the film");
        (inkRows.Max() - inkRows.Min() + 1).Should().BeGreaterThanOrEqualTo(9, "GB 45438-2025 asks for text at least 5 % of the short side (180 px)");
        inkRows.Min().Should().BeGreaterThanOrEqualTo(9, "inside the safe area");
        (await BrightPixelsAsync(film, 100, 320, 180)).Should().BeEmpty("the label is off in the middle of the film");
        (await BrightPixelsAsync(film, 170, 320, 180)).Should().NotBeEmpty("and back at the end");
    }

    [Fact]
    public async Task AssembleAsync_Logo_InItsCornerAtItsWidthAndOpacity()
    {
        var timeline = Timeline(Clip("grey", 30)) with { Logo = new TimelineLogo("logo", new LogoPlacement(Corner.TopRight, 0.2, 0.85)) };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        // 20 % of 320 is 64 px wide (32 px tall for a 2:1 logo), 16 px from the right and 9 px from the top.
        var film = Path.Combine(output, "film.16x9.mp4");
        ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 10, (244, 13, 56, 24)), (236, 19, 236), 30, because: "magenta at 85 % over grey");
        ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 10, (160, 13, 60, 24)), (128, 128, 128), 12, because: "nothing left of the logo");
    }

    [Fact]
    public async Task AssembleAsync_ImplicitLabel_InEveryFilmsMetadataAsAppendixESays()
    {
        var timeline = Timeline(Clip("grey", 30)) with
        {
            ImplicitLabel = AigcLabel.FirstWrite("CloudReel", "film-1"),
            Renditions = [Rendition(AspectRatio.Landscape), Rendition(AspectRatio.Portrait)],
            CleanMaster = true,
        };
        var output = fixture.OutputFolder();

        var result = await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        result.ImplicitLabel.Should().Be(timeline.ImplicitLabel!.ToMetadataValue());
        foreach (var film in new[] { "film.16x9.mp4", "film.9x16.mp4", "film.16x9.clean.mp4" })
        {
            var tags = await fixture.Media.TagsAsync(Path.Combine(output, film));
            tags.Should().ContainKey("AIGC", film);
            using var label = JsonDocument.Parse(tags["AIGC"]);
            var aigc = label.RootElement.GetProperty("AIGC");
            aigc.GetProperty("Label").GetString().Should().Be("1");
            aigc.GetProperty("ContentProducer").GetString().Should().Be("CloudReel");
            aigc.GetProperty("ProduceID").GetString().Should().Be("film-1");
            aigc.GetProperty("ContentPropagator").GetString().Should().Be("CloudReel");
            tags["title"].Should().Be("Test film");
        }
    }

    /// <summary>Pixels of a frame that differ clearly from the grey background.</summary>
    private async Task<List<(int X, int Y)>> MarkedPixelsAsync(string film, int frame, int width, int height)
    {
        var rgb = await fixture.Media.FrameRgbAsync(film, frame);
        var marked = new List<(int, int)>();
        for (var i = 0; i < width * height; i++)
        {
            if (Math.Abs(rgb[3 * i] - 128) + Math.Abs(rgb[(3 * i) + 1] - 128) + Math.Abs(rgb[(3 * i) + 2] - 128) > 90) marked.Add((i % width, i / width));
        }

        return marked;
    }

    /// <summary>Near-white pixels: label text (the grey picture never gets there).</summary>
    private async Task<List<(int X, int Y)>> BrightPixelsAsync(string film, int frame, int width, int height)
    {
        var rgb = await fixture.Media.FrameRgbAsync(film, frame);
        var bright = new List<(int, int)>();
        for (var i = 0; i < width * height; i++)
        {
            if (rgb[3 * i] > 220 && rgb[(3 * i) + 1] > 220 && rgb[(3 * i) + 2] > 220) bright.Add((i % width, i / width));
        }

        return bright;
    }
}
