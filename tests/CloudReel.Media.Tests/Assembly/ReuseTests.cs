using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly;
using CloudReel.Media.Assembly.Reuse;
using CloudReel.Media.Tests.Support;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>
/// Incremental assembly: chunks, sound and clean-master windows kept in the render cache are reused
/// when their keys are unchanged, and the film made from them is frame for frame the film made from
/// scratch.
/// </summary>
public sealed class ReuseTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly string[] Renditions = ["film.16x9.mp4", "film.9x16.mp4"];

    /// <summary>Three shots, four chunks: [red], [the crossfade from red into pattern's head], [pattern], [blue].</summary>
    private static FilmTimeline Film(string middle = "pattern", string lastCaption = "Blue at last") => Timeline(
        Clip("red", 30, Transition(Crossfade, 10), audio: true) with { Focus = new FocusPoint(0.2, 0.5) },
        Clip(middle, 30, Transition(Cut, 0), audio: middle != "pattern") with { Focus = new FocusPoint(0.8, 0.5) },
        Clip("blue", 30)) with
    {
        Renditions = [Rendition(AspectRatio.Landscape), Rendition(AspectRatio.Portrait)],
        Captions = [new CaptionTrack("en", [new CaptionCue(2, 18, "Red first"), new CaptionCue(32, 48, "Then the middle"), new CaptionCue(55, 78, lastCaption)])],
        BurnedLanguages = ["en"],
        Label = new TimelineLabel("AI", Corner.TopLeft, [new FrameSpan(0, 25)]),
        Logo = new TimelineLogo("logo", new LogoPlacement(Corner.TopRight, 0.2, 0.85)),
        Music = new TimelineMusic("music", MusicMix.Default),
        CleanMaster = true,
    };

    [Fact]
    public async Task AssembleAsync_NothingChanged_ReusesEveryChunkTheSoundAndTheCleanWindows_AndWritesTheSameFilms()
    {
        var engine = Engine(out _);
        var first = fixture.OutputFolder();
        var second = fixture.OutputFolder();

        var made = await engine.AssembleAsync(Film(), fixture.Clips, first);
        var again = await engine.AssembleAsync(Film(), fixture.Clips, second);

        made.Renditions.Select(r => (r.File, r.Chunks, r.Reused)).Should().Equal(("film.16x9.mp4", 4, 0), ("film.9x16.mp4", 4, 0), ("film.16x9.clean.mp4", made.Renditions[2].Chunks, 0));
        made.Renditions[2].Chunks.Should().BePositive("the clean master re-encodes its crossfade");
        made.SoundReused.Should().BeFalse();
        again.Renditions.Should().OnlyContain(r => r.Encoded == 0 && r.Reused == r.Chunks && r.SecondsSaved > 0);
        again.SoundReused.Should().BeTrue();
        foreach (var film in Renditions.Append("film.16x9.clean.mp4"))
        {
            (await fixture.Media.FrameHashesAsync(Path.Combine(second, film))).Should().Equal(await fixture.Media.FrameHashesAsync(Path.Combine(first, film)), film);
        }

        File.Exists(Path.Combine(second, "poster.jpg")).Should().BeTrue("the extras come from the cache too");
        (await fixture.Media.AverageRgbAsync(Path.Combine(second, "contact-sheet.jpg"), 0)).Should().Be(await fixture.Media.AverageRgbAsync(Path.Combine(first, "contact-sheet.jpg"), 0));
    }

    [Fact]
    public async Task AssembleAsync_OneClipReplaced_EncodesItsChunkAndTheTransitionIntoItAlone_AndMatchesAFromScratchAssembly()
    {
        var engine = Engine(out _);
        await engine.AssembleAsync(Film(), fixture.Clips, fixture.OutputFolder());
        var edited = Film(middle: "green");
        var incremental = fixture.OutputFolder();
        var scratch = fixture.OutputFolder();

        var result = await engine.AssembleAsync(edited, fixture.Clips, incremental);
        await fixture.EngineWith(maxClipsPerChunk: 1).AssembleAsync(edited, fixture.Clips, scratch);

        result.Renditions.Take(2).Should().OnlyContain(r => r.Encoded == 2 && r.Reused == 2, "the crossfade into the new clip is a chunk of its own: red's and blue's are untouched");
        result.SoundReused.Should().BeFalse("the new clip has a sound of its own");
        await ExpectSameFramesAsync(incremental, scratch, 80);
    }

    [Fact]
    public async Task AssembleAsync_OneCaptionChanged_EncodesOnlyTheChunkShowingIt_AndKeepsTheSound()
    {
        var engine = Engine(out _);
        await engine.AssembleAsync(Film(), fixture.Clips, fixture.OutputFolder());
        var edited = Film(lastCaption: "Blue, and the end");
        var incremental = fixture.OutputFolder();
        var scratch = fixture.OutputFolder();

        var result = await engine.AssembleAsync(edited, fixture.Clips, incremental);
        await fixture.EngineWith(maxClipsPerChunk: 1).AssembleAsync(edited, fixture.Clips, scratch);

        result.Renditions.Take(2).Should().OnlyContain(r => r.Encoded == 1 && r.Reused == 3);
        result.Renditions[2].Encoded.Should().Be(0, "nothing is burned into the clean master");
        result.SoundReused.Should().BeTrue();
        await ExpectSameFramesAsync(incremental, scratch, 80);
    }

    [Fact]
    public async Task AssembleAsync_ShotInsertedAtTheStart_ReusesTheChunksOfTheShotsAfterIt()
    {
        FilmTimeline Shots(params TimelineClip[] clips) => Timeline(clips) with { Renditions = [Rendition(AspectRatio.Portrait)] };
        var engine = Engine(out _);
        await engine.AssembleAsync(Shots(Clip("red", 30, Transition(Cut, 0)), Clip("pattern", 30, Transition(Dissolve, 8)), Clip("blue", 30)), fixture.Clips, fixture.OutputFolder());

        var result = await engine.AssembleAsync(
            Shots(Clip("yellow", 30, Transition(Cut, 0)), Clip("red", 30, Transition(Cut, 0)), Clip("pattern", 30, Transition(Dissolve, 8)), Clip("blue", 30)), fixture.Clips, fixture.OutputFolder());

        result.Renditions.Single().Should().Match<RenditionReuse>(r => r.Chunks == 5 && r.Encoded == 1 && r.Reused == 4, "the same frames a second later are the same chunks");
    }

    [Fact]
    public async Task AssembleAsync_EncoderSettingsChanged_ReusesNoChunk()
    {
        var store = fixture.OutputFolder();
        var timeline = Film() with { CleanMaster = false };
        await fixture.EngineWith(maxClipsPerChunk: 1, renders: new RenderCache(new FolderClipStore(store))).AssembleAsync(timeline, fixture.Clips, fixture.OutputFolder());

        var result = await fixture.EngineWith(maxClipsPerChunk: 1, renders: new RenderCache(new FolderClipStore(store)), options: new AssemblyOptions { Crf = 23 })
            .AssembleAsync(timeline, fixture.Clips, fixture.OutputFolder());

        result.Renditions.Should().OnlyContain(r => r.Reused == 0 && r.Encoded == 4);
        result.SoundReused.Should().BeTrue("the picture's settings are not the sound's");
    }

    [Fact]
    public async Task AssembleAsync_KeptChunkDamaged_IsEncodedAgainAndReplaced()
    {
        var engine = Engine(out var store);
        var first = fixture.OutputFolder();
        await engine.AssembleAsync(Film(), fixture.Clips, first);
        var chunk = Directory.GetFiles(Path.Combine(store, "clips", "renders", "chunk"), "*.mp4").Order(StringComparer.Ordinal).First();
        var bytes = await File.ReadAllBytesAsync(chunk);
        await File.WriteAllBytesAsync(chunk, bytes[..(bytes.Length / 2)]);
        Directory.Delete(Path.Combine(store, "clips", "renders", "assembly"), recursive: true);
        var second = fixture.OutputFolder();

        var result = await engine.AssembleAsync(Film(), fixture.Clips, second);

        result.Renditions.Take(2).Sum(r => r.Encoded).Should().Be(1);
        (await File.ReadAllBytesAsync(chunk)).Length.Should().Be(bytes.Length, "the damaged piece is replaced");
        foreach (var film in Renditions)
        {
            (await fixture.Media.FrameHashesAsync(Path.Combine(second, film))).Should().Equal(await fixture.Media.FrameHashesAsync(Path.Combine(first, film)), film);
        }
    }

    [Fact]
    public async Task AssembleAsync_NothingChanged_CopiesTheWholeEarlierAssembly_WithoutJoiningItsChunksAgain()
    {
        var engine = Engine(out var store);
        var first = fixture.OutputFolder();
        var made = await engine.AssembleAsync(Film(), fixture.Clips, first);
        Directory.Delete(Path.Combine(store, "clips", "renders", "chunk"), recursive: true);
        var second = fixture.OutputFolder();

        var again = await engine.AssembleAsync(Film(), fixture.Clips, second);

        again.Files.Should().Equal(made.Files);
        again.Renditions.Should().OnlyContain(r => r.Encoded == 0 && r.Reused == r.Chunks && r.SecondsSaved > 0);
        again.SoundReused.Should().BeTrue();
        foreach (var file in made.Files.Where(f => f != "timeline.otio"))
        {
            (await File.ReadAllBytesAsync(Path.Combine(second, file))).Should().Equal(await File.ReadAllBytesAsync(Path.Combine(first, file)), file);
        }

        File.ReadAllText(Path.Combine(second, "timeline.otio")).Should().Contain("OTIO_SCHEMA", "the editor timeline is written afresh: it names this run's files");
    }

    [Fact]
    public async Task AssembleAsync_KeptOutputDamaged_JoinsTheKeptChunksAgain()
    {
        var engine = Engine(out var store);
        var first = fixture.OutputFolder();
        await engine.AssembleAsync(Film(), fixture.Clips, first);
        foreach (var output in Directory.GetFiles(Path.Combine(store, "clips", "renders", "output"), "*.bin"))
        {
            var bytes = await File.ReadAllBytesAsync(output);
            await File.WriteAllBytesAsync(output, bytes[..(bytes.Length / 2)]);
        }

        var second = fixture.OutputFolder();

        var again = await engine.AssembleAsync(Film(), fixture.Clips, second);

        again.Renditions.Take(2).Should().OnlyContain(r => r.Encoded == 0 && r.Reused == 4, "the chunks are intact");
        foreach (var film in Renditions)
        {
            (await fixture.Media.FrameHashesAsync(Path.Combine(second, film))).Should().Equal(await fixture.Media.FrameHashesAsync(Path.Combine(first, film)), film);
        }
    }

    [Fact]
    public async Task AssembleAsync_Draft_OneSmallFastRenditionMarkedAsADraft_SameCutAndSound()
    {
        var engine = fixture.EngineWith(maxClipsPerChunk: 1, options: new AssemblyOptions { DraftShortSide = 90 });
        var output = fixture.OutputFolder();

        var result = await engine.AssembleAsync(Film() with { Draft = true }, fixture.Clips, output);

        result.Draft.Should().BeTrue();
        result.Renditions.Single().Chunks.Should().Be(1, "a draft's chunks hold up to six clips: each clip decoded once, one process");
        result.Files.Where(f => f.EndsWith(".mp4", StringComparison.Ordinal)).Should().Equal("film.draft.16x9.mp4");
        result.Files.Should().Contain(["film.draft.en.srt", "poster.jpg", "contact-sheet.jpg"]);
        var draft = Path.Combine(output, "film.draft.16x9.mp4");
        var streams = await fixture.Media.StreamsAsync(draft);
        var video = streams.Single(s => s.Type == "video");
        (video.Width, video.Height, video.Frames).Should().Be((160, 90, 80));
        streams.Single(s => s.Type == "audio").Duration.Should().BeApproximately(80 / 30.0, 1 / 30.0);
        var tags = await fixture.Media.TagsAsync(draft);
        tags["title"].Should().Be("Test film (draft)");
        tags["comment"].Should().Contain("draft preview").And.Contain("160x90").And.Contain("ultrafast");
        ShouldBeNear(await fixture.Media.AverageRgbAsync(draft, 65, (20, 20, 60, 30)), (0, 0, 255), because: "the last shot shows where it does in the film");
    }

    private FfmpegMediaEngine Engine(out string store)
    {
        store = fixture.OutputFolder();
        return fixture.EngineWith(new FolderNormalisedCache(fixture.OutputFolder()), maxClipsPerChunk: 1, renders: new RenderCache(new FolderClipStore(store)));
    }

    /// <summary>Both renditions hold the same decoded frames, exactly as many as the film, and sound as long as the picture.</summary>
    private async Task ExpectSameFramesAsync(string incremental, string scratch, int frames)
    {
        foreach (var film in Renditions)
        {
            var hashes = await fixture.Media.FrameHashesAsync(Path.Combine(incremental, film));
            hashes.Should().HaveCount(frames, film);
            hashes.Should().Equal(await fixture.Media.FrameHashesAsync(Path.Combine(scratch, film)), $"{film} assembled from kept chunks is the film assembled from scratch");
            (await fixture.Media.StreamsAsync(Path.Combine(incremental, film))).Single(s => s.Type == "audio").Duration.Should().BeApproximately(frames / 30.0, 1 / 30.0);
        }
    }
}
