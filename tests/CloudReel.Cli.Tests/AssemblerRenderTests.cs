using System.Text.Json;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests;

/// <summary>`cloudreel render` of an order that uses the whole assembler: two aspects, music, logo, label, bilingual captions.</summary>
public sealed class AssemblerRenderTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Render_TwoAspectsWithMusicLogoAndLabel_EveryRenditionExtraAndLabelWritten()
    {
        await MediaFiles.ToneAsync(Path.Combine(_workspace.Root, "assets", "theme.m4a"), 330, 3);
        await MediaFiles.LogoAsync(Path.Combine(_workspace.Root, "assets", "logo.png"));
        var order = _workspace.Write("order.yaml", """
            title: Tiny Promo
            languages: [zh-CN, en]
            aspects: ["16:9", {ratio: "9:16", loudness: broadcast}]
            resolution: 180p
            model: animatic
            music: {file: assets/theme.m4a, fadeOut: 1}
            logo: assets/logo.png
            label: AI生成
            captionStyle: bilingual
            shots:
              - {id: bund, prompt: The Bund at dusk, seconds: 2, focus: {x: 0.3, y: 0.5}, caption: {zh-CN: 外滩, en: The Bund}}
              - {id: river, prompt: Suzhou River, seconds: 2, caption: {zh-CN: 苏州河, en: Suzhou River}}
            """);

        var result = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        result.ExitCode.Should().Be(0, result.ToString());
        var folder = _workspace.FilmFolder(result.FilmId);
        Directory.GetFiles(folder).Select(Path.GetFileName).Should().Contain(
        [
            "tiny-promo.16x9.mp4", "tiny-promo.9x16.mp4", "tiny-promo.16x9.clean.mp4", "poster.jpg", "contact-sheet.jpg", "timeline.otio",
            "tiny-promo.jianying.zip", "tiny-promo.capcut.zip",
            "provenance.json", "assembly-job.json", "assembly-result.json", "timeline.json",
        ]);
        const int frames = 60 + 60 - 15;
        var landscape = await Probe.StreamsAsync(Path.Combine(folder, "tiny-promo.16x9.mp4"));
        var portrait = await Probe.StreamsAsync(Path.Combine(folder, "tiny-promo.9x16.mp4"));
        (landscape.Width, landscape.Height, landscape.VideoFrames, landscape.FastStart).Should().Be((320, 180, frames, true));
        (portrait.Width, portrait.Height, portrait.VideoFrames).Should().Be((180, 320, frames));
        portrait.AudioSeconds.Should().BeApproximately(frames / 30.0, 1 / 30.0);
        (await MediaFiles.LoudnessAsync(Path.Combine(folder, "tiny-promo.16x9.mp4"))).Should().BeInRange(-15, -13);
        (await MediaFiles.LoudnessAsync(Path.Combine(folder, "tiny-promo.9x16.mp4"))).Should().BeInRange(-24, -22);

        var tags = await MediaFiles.TagsAsync(Path.Combine(folder, "tiny-promo.9x16.mp4"));
        tags["AIGC"].Should().Contain($"\"ProduceID\":\"{result.FilmId}\"");
        var provenance = JsonSerializer.Deserialize<Provenance>(File.ReadAllText(Path.Combine(folder, "provenance.json")), WorkflowJson.Options)!;
        provenance.ImplicitLabel.Should().Be(tags["AIGC"]);
        var assembled = JsonSerializer.Deserialize<Core.Ports.AssemblyResult>(File.ReadAllText(Path.Combine(folder, "assembly-result.json")), WorkflowJson.Options)!;
        assembled.Files.Should().Contain(["tiny-promo.16x9.mp4", "tiny-promo.9x16.mp4", "timeline.json"]);
    }

    [Fact]
    public async Task Render_TourismSampleAt180p_BothAspectsWithItsMusicLogoLabelAndBilingualCaptions()
    {
        foreach (var file in new[] { "refs/bund.jpg", "refs/lujiazui.jpg", "assets/theme.m4a", "assets/logo.png" })
        {
            _workspace.CopyFromRepository($"samples/shanghai-clay/{file}", file);
        }

        var sample = File.ReadAllText(Path.Combine(Workspace.RepositoryRoot, "samples", "shanghai-clay", "order.yaml"));
        var order = _workspace.Write("order.yaml", sample.Replace("resolution: 1080p", "resolution: 180p", StringComparison.Ordinal));

        var result = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        result.ExitCode.Should().Be(0, result.ToString());
        var folder = _workspace.FilmFolder(result.FilmId);
        var timeline = JsonSerializer.Deserialize<Core.Timeline.FilmTimeline>(File.ReadAllText(Path.Combine(folder, "timeline.json")), WorkflowJson.Options)!;
        timeline.Renditions.Select(r => r.Aspect.ToString()).Should().Equal("16:9", "9:16");
        timeline.BurnedLanguages.Should().Equal("zh-CN", "en");
        timeline.Music.Should().NotBeNull("the order has a music bed");
        timeline.Music!.Name.Should().EndWith("assets/theme.m4a");
        timeline.Music.Mix.Should().Be(new Core.Orders.MusicMix(Volume: 0.9, FadeOutSeconds: 2.5));
        timeline.Logo.Should().NotBeNull("the order has a logo");
        timeline.Logo!.Name.Should().EndWith("assets/logo.png");
        timeline.Logo.Placement.Should().Be(new Core.Orders.LogoPlacement(Core.Orders.Corner.TopRight, Width: 0.14));
        timeline.Label.Should().NotBeNull("the order has a visible AI label");
        timeline.Label!.Text.Should().Be("AI生成");
        timeline.Label.Position.Should().Be(Core.Orders.Corner.TopLeft);
        timeline.Label.Spans.Should().HaveCount(2, "the label shows at the start and at the end");
        foreach (var film in new[] { "shanghai-in-clay.16x9.mp4", "shanghai-in-clay.9x16.mp4" })
        {
            (await Probe.StreamsAsync(Path.Combine(folder, film))).VideoFrames.Should().Be(timeline.TotalFrames, film);
            (await MediaFiles.LoudnessAsync(Path.Combine(folder, film))).Should().BeInRange(-15, -13, film);
        }
    }

    public void Dispose() => _workspace.Dispose();
}
