using System.Security.Cryptography;
using System.Text.Json;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests;

/// <summary>`cloudreel render` end to end: real FFmpeg, the real journal, the real folder store.</summary>
public sealed class RenderTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Render_SmallOrder_WritesAPlayableFilmOfExactlyThePlannedLength()
    {
        var order = WriteThreeShotOrder();

        var result = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        result.ExitCode.Should().Be(0, result.ToString());
        var folder = _workspace.FilmFolder(result.FilmId);
        Directory.GetFiles(folder).Select(Path.GetFileName).Should().Contain(
        [
            "tiny-shanghai.16x9.mp4", "tiny-shanghai.zh-CN.srt", "tiny-shanghai.zh-CN.vtt", "tiny-shanghai.en.srt", "tiny-shanghai.en.vtt",
            "report.json", "provenance.json", "storyboard.yaml", "timeline.json",
        ]);
        var film = await Probe.StreamsAsync(Path.Combine(folder, "tiny-shanghai.16x9.mp4"));
        film.VideoFrames.Should().Be(TestOrders.ThreeShotsFrames);
        film.Width.Should().Be(320);
        film.Height.Should().Be(180);
        film.AudioSeconds.Should().BeApproximately(TestOrders.ThreeShotsFrames / 30.0, 1 / 30.0, "audio and video end together");
        File.ReadAllText(Path.Combine(folder, "tiny-shanghai.zh-CN.srt")).Should().Contain("外滩的黄昏").And.Contain("苏州河");
    }

    [Fact]
    public async Task Render_ReportAndProvenance_AccountForEveryShot()
    {
        var result = await _workspace.Cli.RunAsync("render", WriteThreeShotOrder(), "-o", _workspace.Out);
        result.ExitCode.Should().Be(0, result.ToString());

        var report = ReadJson<FilmReport>(result.FilmId, "report.json");
        report.Status.Should().Be("completed");
        report.Shots.Should().Be(new ShotCounts(Planned: 3, Generated: 3, FromCache: 0, Retried: 0, FallenBack: 0, Failed: 0));
        report.Cost.Actual.Should().Be(0);
        report.Stages.Select(s => s.Stage).Should().ContainInOrder(FilmStages.Validate, FilmStages.Plan, FilmStages.Generate, FilmStages.Assemble);
        report.ShotDetails.Should().OnlyContain(s => s.Submissions == 1 && s.Model == "animatic");

        var provenance = ReadJson<Provenance>(result.FilmId, "provenance.json");
        provenance.Label.Should().Be("AI生成");
        provenance.Shots.Select(s => s.ShotId).Should().Equal("bund", "river", "temple");
        foreach (var shot in provenance.Shots)
        {
            var clip = Path.Combine(_workspace.Cli.Home, "store", "clips", shot.ContentKey + ".mp4");
            Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(clip))).ToLowerInvariant().Should().Be(shot.Sha256);
            shot.Prompt.Should().Contain("clay animation", "the style is added to every prompt");
        }
    }

    [Fact]
    public async Task Render_AgainAfterEditingOneShot_GeneratesThatShotAlone()
    {
        var order = WriteThreeShotOrder();
        var first = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);
        first.ExitCode.Should().Be(0, first.ToString());

        File.WriteAllText(order, File.ReadAllText(order).Replace("A boat on Suzhou River", "Two boats on Suzhou River", StringComparison.Ordinal));
        var second = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        second.ExitCode.Should().Be(0, second.ToString());
        var report = ReadJson<FilmReport>(second.FilmId, "report.json");
        report.Shots.Generated.Should().Be(1);
        report.Shots.FromCache.Should().Be(2);
        report.ShotDetails.Single(s => s.Source == ShotSource.Generated).Id.Should().Be("river");
        // Chunks: [bund], [the crossfade into river], [river], [temple]: the bund's and the temple's are reused.
        var film = report.Assembly!.Renditions.Single(r => r.File == "tiny-shanghai.16x9.mp4");
        (film.Chunks, film.Encoded, film.Reused).Should().Be((4, 2, 2));
    }

    [Fact]
    public async Task Render_MalformedOrder_ReportsEveryProblemWithLineColumnAndField()
    {
        var order = _workspace.Write("bad.yaml", """
            title: Broken
            fps: 29
            shots:
              - id: one
                prompt: fine
                secnds: 5
              - id: one
                prompt: duplicate id
                camera: zoom
            """);

        var result = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("bad.yaml:2:6: fps:")
            .And.Contain("bad.yaml:6:5: shots[0].secnds:").And.Contain("seconds")
            .And.Contain("bad.yaml:7:9: shots[1].id:")
            .And.Contain("bad.yaml:9:13: shots[1].camera:");
        Directory.Exists(_workspace.Out).Should().BeFalse("nothing is rendered from an invalid order");
    }

    [Fact]
    public async Task Validate_ValidSample_SaysSoAndRendersNothing()
    {
        var result = await _workspace.Cli.RunAsync("validate", WriteThreeShotOrder());

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("valid").And.Contain("3 shots");
    }

    public void Dispose() => _workspace.Dispose();

    private string WriteThreeShotOrder()
    {
        _workspace.CopyFromRepository("samples/shanghai-clay/refs/bund.jpg", "refs/bund.jpg");
        return _workspace.Write("order.yaml", TestOrders.ThreeShots);
    }

    private T ReadJson<T>(string filmId, string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(_workspace.FilmFolder(filmId), file)), WorkflowJson.Options)!;
}
