using System.Text.Json;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests;

/// <summary>`cloudreel render` after an edit re-encodes only what changed; `render --draft` previews fast and shares every clip with the finished film.</summary>
public sealed class IncrementalRenderTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Render_AgainAfterEditingCaptions_EncodesOnlyTheChunkShowingABurnedChange_AndReusesTheSound()
    {
        var order = WriteThreeShotOrder();
        var first = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);
        first.ExitCode.Should().Be(0, first.ToString());

        // The Chinese captions are burned in (the bund's shows in its own chunk and in the crossfade into the river); the English ones are only in the .srt and .vtt files.
        File.WriteAllText(order, File.ReadAllText(order)
            .Replace("zh-CN: 外滩的黄昏", "zh-CN: 黄昏时分的外滩", StringComparison.Ordinal)
            .Replace("en: \"Jing'an Temple\"", "en: \"Jing'an Temple at noon\"", StringComparison.Ordinal));
        var second = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        second.ExitCode.Should().Be(0, second.ToString());
        var report = Report(second.FilmId);
        report.Shots.FromCache.Should().Be(3);
        var assembly = report.Assembly!;
        var film16x9 = assembly.Renditions.Single(r => r.File == "tiny-shanghai.16x9.mp4");
        (film16x9.Chunks, film16x9.Encoded, film16x9.Reused).Should().Be((4, 2, 2), "the bund's burned caption is in its chunk and the crossfade's, not the river's or the temple's");
        film16x9.SecondsSaved.Should().BePositive();
        assembly.Renditions.Single(r => r.File == "tiny-shanghai.16x9.clean.mp4").Encoded.Should().Be(0, "nothing is burned into the clean master");
        assembly.SoundReused.Should().BeTrue();
        second.Stdout.Should().Contain("tiny-shanghai.16x9.mp4: 2 of 4 chunks encoded, 2 reused");
        var film = await Probe.StreamsAsync(Path.Combine(_workspace.FilmFolder(second.FilmId), "tiny-shanghai.16x9.mp4"));
        film.VideoFrames.Should().Be(TestOrders.ThreeShotsFrames);
        File.ReadAllText(Path.Combine(_workspace.FilmFolder(second.FilmId), "tiny-shanghai.en.srt")).Should().Contain("Jing'an Temple at noon");
        File.ReadAllText(Path.Combine(_workspace.FilmFolder(second.FilmId), "tiny-shanghai.zh-CN.srt")).Should().Contain("黄昏时分的外滩");
    }

    [Fact]
    public async Task Render_DraftThenTheFinishedFilm_TheDraftIsSmallAndMarked_AndTheFinishedFilmMakesNoClipAgain()
    {
        var order = WriteThreeShotOrder();
        _workspace.Cli.Environment["CLOUDREEL__ASSEMBLY__DRAFTSHORTSIDE"] = "90";

        var draft = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out, "--draft");
        var finished = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        draft.ExitCode.Should().Be(0, draft.ToString());
        var draftFolder = _workspace.FilmFolder(draft.FilmId);
        Directory.GetFiles(draftFolder, "*.mp4").Select(Path.GetFileName).Should().Equal("tiny-shanghai.draft.16x9.mp4");
        var preview = await Probe.StreamsAsync(Path.Combine(draftFolder, "tiny-shanghai.draft.16x9.mp4"));
        (preview.Width, preview.Height, preview.VideoFrames).Should().Be((160, 90, TestOrders.ThreeShotsFrames));
        var draftReport = Report(draft.FilmId);
        draftReport.Assembly!.Draft.Should().BeTrue();
        draftReport.Shots.Generated.Should().Be(3);
        draft.Stdout.Should().Contain("a draft preview");

        finished.ExitCode.Should().Be(0, finished.ToString());
        var report = Report(finished.FilmId);
        report.Shots.Should().Be(new ShotCounts(Planned: 3, Generated: 0, FromCache: 3, Retried: 0, FallenBack: 0, Failed: 0));
        report.Assembly!.Draft.Should().BeFalse();
        report.Assembly.SoundReused.Should().BeTrue("the draft's sound is the film's sound");
        report.ShotDetails.Select(s => s.ContentKey).Should().Equal(draftReport.ShotDetails.Select(s => s.ContentKey));
        (await Probe.StreamsAsync(Path.Combine(_workspace.FilmFolder(finished.FilmId), "tiny-shanghai.16x9.mp4"))).Width.Should().Be(320);
    }

    public void Dispose() => _workspace.Dispose();

    private string WriteThreeShotOrder()
    {
        _workspace.CopyFromRepository("samples/shanghai-clay/refs/bund.jpg", "refs/bund.jpg");
        return _workspace.Write("order.yaml", TestOrders.ThreeShots);
    }

    private FilmReport Report(string filmId) =>
        JsonSerializer.Deserialize<FilmReport>(File.ReadAllText(Path.Combine(_workspace.FilmFolder(filmId), "report.json")), WorkflowJson.Options)!;
}
