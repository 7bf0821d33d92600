using CloudReel.Core.Ports;
using CloudReel.Media.Ffmpeg;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

public sealed class FfmpegMediaEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const double OneFrame = 1.0 / 30;

    [Fact]
    public async Task AssembleAsync_CrossfadeWipeAndCut_ExactFramesAndMatchingStreams()
    {
        var timeline = Timeline(
            Clip("red", 60, Transition(Crossfade, 15), audio: true),
            Clip("green", 45, Transition(WipeLeft, 10), audio: true),
            Clip("blue", 30, Transition(Cut, 0)),
            Clip("yellow", 30, audio: true));
        var output = fixture.OutputFolder();

        var result = await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        const int expectedFrames = 60 + 45 + 30 + 30 - 15 - 10;
        result.FilmFrames.Should().Be(expectedFrames);
        result.FilmSeconds.Should().BeApproximately(expectedFrames / 30.0, 1e-9);
        result.Files.Should().Equal("film.16x9.mp4", "poster.jpg", "contact-sheet.jpg", "timeline.otio", "film.jianying.zip", "film.capcut.zip");
        var film = Path.Combine(output, "film.16x9.mp4");
        var streams = await fixture.Media.StreamsAsync(film);
        var video = streams.Single(s => s.Type == "video");
        var audio = streams.Single(s => s.Type == "audio");
        video.Frames.Should().Be(expectedFrames);
        (video.Width, video.Height).Should().Be((320, 180));
        video.FrameRate.Should().Be("30/1");
        video.Duration.Should().BeApproximately(expectedFrames / 30.0, OneFrame / 2);
        audio.Duration.Should().BeApproximately(video.Duration, OneFrame);

        // Red alone until the crossfade starts at frame 45, a blend inside it, green, blue from the
        // wipe's end (90) to the cut at 110, then yellow.
        EngineFixture.ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 44), (255, 0, 0));
        var blend = await fixture.Media.AverageRgbAsync(film, 52);
        blend.R.Should().BeInRange(40, 215);
        blend.G.Should().BeInRange(40, 215);
        EngineFixture.ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 70), (0, 255, 0));
        EngineFixture.ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 90), (0, 0, 255));
        EngineFixture.ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 109), (0, 0, 255));
        EngineFixture.ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 110), (255, 255, 0));
    }

    [Fact]
    public async Task AssembleAsync_ClipShorterThanAsked_PaddedWithItsLastFrame()
    {
        var timeline = Timeline(Clip("pattern", 45));
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        (await fixture.Media.StreamsAsync(film)).Single(s => s.Type == "video").Frames.Should().Be(45);
        var last = await fixture.Media.FrameRgbAsync(film, 29);
        foreach (var padded in new[] { 30, 37, 44 })
        {
            MeanDifference(await fixture.Media.FrameRgbAsync(film, padded), last).Should().BeLessThan(2, $"frame {padded} repeats the last one");
        }

        MeanDifference(await fixture.Media.FrameRgbAsync(film, 15), last).Should().BeGreaterThan(5, "the pattern moves while the source lasts");
    }

    [Fact]
    public async Task AssembleAsync_OtherSizeRateAndNonSquarePixels_Normalised()
    {
        // 640x480 at 25 fps with 4:3 pixels shows 16:9: it fills the frame, no pillarbox.
        var timeline = Timeline(Clip("anamorphic", 30, audio: true));
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        var video = (await fixture.Media.StreamsAsync(film)).Single(s => s.Type == "video");
        (video.Width, video.Height, video.Frames, video.FrameRate).Should().Be((320, 180, 30L, "30/1"));
        video.SampleAspectRatio.Should().Be("1:1");
        var leftEdge = await fixture.Media.AverageRgbAsync(film, 10, (0, 0, 8, 180));
        (leftEdge.R + leftEdge.G + leftEdge.B).Should().BeGreaterThan(60, "the picture reaches the left edge");
    }

    [Fact]
    public async Task AssembleAsync_FourByThreeSquarePixels_PillarboxedInBlack()
    {
        var timeline = Timeline(Clip("square43", 30));
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        // 4:3 in 320x180 is 240x180, centred: 40 px of black each side.
        EngineFixture.ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 5, (0, 0, 36, 180)), (0, 0, 0), 20);
        EngineFixture.ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 5, (44, 0, 232, 180)), (255, 255, 255), 20);
        EngineFixture.ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 5, (284, 0, 36, 180)), (0, 0, 0), 20);
    }

    [Fact]
    public async Task AssembleAsync_SourceInPoint_StartsThereInTheSource()
    {
        var timeline = Timeline(Clip("redThenBlue", 20, sourceIn: 1.0));
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        EngineFixture.ShouldBeNear(await fixture.Media.AverageRgbAsync(film, 0), (0, 0, 255));
    }

    [Fact]
    public async Task AssembleAsync_SilentClipNextToSoundClip_SilenceThenSound()
    {
        var timeline = Timeline(Clip("blue", 30, Transition(Cut, 0)), Clip("yellow", 30, audio: true));
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        (await fixture.Media.MaxVolumeAsync(film, 0.05, 0.95)).Should().BeLessThan(-80);
        (await fixture.Media.MaxVolumeAsync(film, 1.1, 1.9)).Should().BeGreaterThan(-30);
        var audio = (await fixture.Media.StreamsAsync(film)).Single(s => s.Type == "audio");
        audio.Duration.Should().BeApproximately(2.0, OneFrame);
    }

    [Fact]
    public async Task AssembleAsync_NoClipHasSound_SilentStereoTrackOfFilmLength()
    {
        var timeline = Timeline(Clip("blue", 30, Transition(Crossfade, 10)), Clip("grey", 40));
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        var json = await fixture.Media.Runner.ProbeAsync(["-v", "error", "-select_streams", "a", "-show_entries", "stream=channels,sample_rate,duration", "-of", "compact", film]);
        json.Should().Contain("sample_rate=48000").And.Contain("channels=2");
        var audio = (await fixture.Media.StreamsAsync(film)).Single(s => s.Type == "audio");
        audio.Duration.Should().BeApproximately(60 / 30.0, OneFrame);
    }

    [Fact]
    public async Task AssembleAsync_SingleClip_Works()
    {
        var timeline = Timeline(Clip("red", 36, audio: true));
        var output = fixture.OutputFolder();

        var result = await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        result.FilmFrames.Should().Be(36);
        var streams = await fixture.Media.StreamsAsync(Path.Combine(output, "film.16x9.mp4"));
        streams.Single(s => s.Type == "video").Frames.Should().Be(36);
        streams.Single(s => s.Type == "audio").Duration.Should().BeApproximately(1.2, OneFrame);
    }

    [Fact]
    public async Task AssembleAsync_Output_HasIndexBeforeMediaData()
    {
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(Timeline(Clip("blue", 15)), fixture.Clips, output);

        var atoms = TopLevelAtoms(await File.ReadAllBytesAsync(Path.Combine(output, "film.16x9.mp4")));
        atoms.IndexOf("moov").Should().BeGreaterThanOrEqualTo(0);
        atoms.IndexOf("moov").Should().BeLessThan(atoms.IndexOf("mdat"));
    }

    [Fact]
    public async Task AssembleAsync_Progress_ReportsVideoAudioAndMuxToTheEnd()
    {
        var reports = new List<AssemblyProgress>();

        await fixture.Engine.AssembleAsync(Timeline(Clip("red", 30, audio: true)), fixture.Clips, fixture.OutputFolder(), new SyncProgress<AssemblyProgress>(p =>
        {
            lock (reports) reports.Add(p);
        }));

        reports.Select(r => r.Step).Should().Contain(["video", "audio", "mux"]);
        reports.Where(r => r.Step == "video").Max(r => r.Fraction).Should().Be(1);
        reports.Should().OnlyContain(r => r.Fraction >= 0 && r.Fraction <= 1);
        reports[^1].Should().Be(new AssemblyProgress("done", 1));
    }

    [Fact]
    public async Task AssembleAsync_LastClipWithTransition_Rejected()
    {
        var timeline = Timeline(Clip("red", 30, Transition(Crossfade, 10)));

        var assemble = () => fixture.Engine.AssembleAsync(timeline, fixture.Clips, fixture.OutputFolder());

        await assemble.Should().ThrowAsync<ArgumentException>().WithMessage("*last clip*");
    }

    [Fact]
    public async Task AssembleAsync_TransitionLongerThanClip_Rejected()
    {
        var timeline = Timeline(Clip("red", 30, Transition(Dissolve, 20)), Clip("blue", 10));

        var assemble = () => fixture.Engine.AssembleAsync(timeline, fixture.Clips, fixture.OutputFolder());

        await assemble.Should().ThrowAsync<ArgumentException>().WithMessage("*longer than the clips*");
    }

    [Fact]
    public async Task AssembleAsync_ClipFileMissing_BadClip()
    {
        var paths = new Dictionary<string, string> { ["gone"] = fixture.Media.PathOf("gone.mp4") };

        var assemble = () => fixture.Engine.AssembleAsync(Timeline(Clip("gone", 30)), paths, fixture.OutputFolder());

        await assemble.Should().ThrowAsync<BadClipException>().WithMessage("*gone.mp4*");
    }

    [Fact]
    public async Task ProbeAsync_DelegatesToTheProber()
    {
        var probe = await fixture.Engine.ProbeAsync(fixture.Clips["anamorphic"]);

        (probe.Width, probe.Height, probe.VideoFrames).Should().Be((640, 480, 25L));
    }

    private static double MeanDifference(byte[] a, byte[] b)
    {
        long total = 0;
        for (var i = 0; i < a.Length; i++) total += Math.Abs(a[i] - b[i]);
        return (double)total / a.Length;
    }

    private static List<string> TopLevelAtoms(byte[] file)
    {
        var atoms = new List<string>();
        long offset = 0;
        while (offset + 8 <= file.Length)
        {
            long size = (uint)(file[offset] << 24 | file[offset + 1] << 16 | file[offset + 2] << 8 | file[offset + 3]);
            atoms.Add(System.Text.Encoding.ASCII.GetString(file, (int)offset + 4, 4));
            if (size == 1) size = (long)BitConverter.ToUInt64([.. file.AsSpan((int)offset + 8, 8).ToArray().Reverse()]);
            if (size < 8) break;
            offset += size;
        }

        return atoms;
    }
}
