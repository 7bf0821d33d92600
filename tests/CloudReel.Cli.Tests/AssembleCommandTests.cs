using System.Text.Json;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests;

/// <summary>`cloudreel assemble --job`: the assembler container's entrypoint, run here on jobs in the local store.</summary>
public sealed class AssembleCommandTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Assemble_JobFileAndClipsInAFreshStore_WritesTheFilmAndTheResultLast()
    {
        var (red, blue) = (new string('a', 64), new string('b', 64));
        var clips = Path.Combine(_workspace.Cli.Home, "store", "clips");
        await MediaFiles.ClipAsync(Path.Combine(clips, red + ".mp4"), "red", 2);
        await MediaFiles.ClipAsync(Path.Combine(clips, blue + ".mp4"), "blue", 2);
        var timeline = new FilmTimeline
        {
            FilmId = "job-film",
            Title = "From a job",
            OutputName = "from-a-job",
            Fps = 30,
            Aspect = AspectRatio.Landscape,
            Size = new FrameSize(320, 180),
            Clips =
            [
                new TimelineClip("red", StoreLayout.Clip(red), 0, 45, new TimelineTransition(TransitionKind.Dissolve, 15), HasAudio: false),
                new TimelineClip("blue", StoreLayout.Clip(blue), 0, 45, null, HasAudio: false),
            ],
            Renditions = [new TimelineRendition(AspectRatio.Square, new FrameSize(180, 180), ReframeMode.Blur, -23, SafeArea.For(AspectRatio.Square))],
            CleanMaster = true,
        };
        var job = _workspace.Write("job.json", WorkflowJson.Serialize(new AssemblyJob("job-film", timeline)));

        var result = await _workspace.Cli.RunAsync("assemble", "--job", job, "-o", _workspace.Out);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("film: job-film").And.Contain("from-a-job.1x1.mp4").And.Contain("assembly video: 100%");
        var folder = _workspace.FilmFolder("job-film");
        var film = await Probe.StreamsAsync(Path.Combine(folder, "from-a-job.1x1.mp4"));
        (film.Width, film.Height, film.VideoFrames).Should().Be((180, 180, 75));
        File.Exists(Path.Combine(folder, "from-a-job.16x9.clean.mp4")).Should().BeTrue();
        File.Exists(Path.Combine(folder, "assembly-job.json")).Should().BeTrue("the job is kept with the film");
        var marker = new FileInfo(Path.Combine(folder, "assembly-result.json"));
        var outputs = Directory.GetFiles(folder).Select(f => new FileInfo(f)).Where(f => f.Name != marker.Name && f.Name != "assembly-job.json").ToList();
        outputs.Should().OnlyContain(f => f.LastWriteTimeUtc <= marker.LastWriteTimeUtc, "assembly-result.json is written last");
        var written = JsonSerializer.Deserialize<AssemblyResult>(File.ReadAllText(marker.FullName), WorkflowJson.Options)!;
        written.FilmFrames.Should().Be(75);
        written.Files.Should().BeEquivalentTo(outputs.Select(f => f.Name));
    }

    [Fact]
    public async Task Assemble_FilmIdAfterARender_MakesTheFilmAgainFromItsKeptJob()
    {
        _workspace.CopyFromRepository("samples/shanghai-clay/refs/bund.jpg", "refs/bund.jpg");
        var render = await _workspace.Cli.RunAsync("render", _workspace.Write("order.yaml", TestOrders.ThreeShots), "-o", _workspace.Out);
        render.ExitCode.Should().Be(0, render.ToString());
        var film = Path.Combine(_workspace.FilmFolder(render.FilmId), "tiny-shanghai.16x9.mp4");
        File.Delete(film);

        var result = await _workspace.Cli.RunAsync("assemble", "--job", render.FilmId, "-o", _workspace.Out);

        result.ExitCode.Should().Be(0, result.ToString());
        (await Probe.StreamsAsync(film)).VideoFrames.Should().Be(TestOrders.ThreeShotsFrames);
    }

    [Theory]
    [InlineData("no-such-film", "No assembly job for film 'no-such-film'")]
    [InlineData("Not An Id!", "neither a job file nor a film id")]
    public async Task Assemble_NoSuchJob_BadInputWithTheReason(string job, string message)
    {
        var result = await _workspace.Cli.RunAsync("assemble", "--job", job, "-o", _workspace.Out);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain(message);
    }

    public void Dispose() => _workspace.Dispose();
}
