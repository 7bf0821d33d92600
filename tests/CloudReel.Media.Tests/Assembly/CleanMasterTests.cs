using CloudReel.Media.Tests.Support;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>The clean master: the cut with nothing burned in, bodies stream-copied from cached normalised copies.</summary>
public sealed class CleanMasterTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static Core.Timeline.FilmTimeline Film() => Timeline(
        Clip("pattern", 30, Transition(Crossfade, 10)),
        Clip("red", 60, Transition(WipeUp, 12), audio: true),
        Clip("anamorphic", 30, Transition(Cut, 0), audio: true),
        Clip("green", 45, audio: true)) with
    {
        CleanMaster = true,
        Captions = [new Core.Timeline.CaptionTrack("en", [new Core.Timeline.CaptionCue(0, 140, "Burned into the renditions only")])],
        BurnedLanguages = ["en"],
    };

    [Fact]
    public async Task AssembleAsync_CleanMaster_ExactFramesDecodesCleanlyAndNothingBurnedIn()
    {
        var output = fixture.OutputFolder();
        var engine = fixture.EngineWith(new FolderNormalisedCache(fixture.OutputFolder()));

        var result = await engine.AssembleAsync(Film(), fixture.Clips, output);

        const int frames = 30 + 60 + 30 + 45 - 10 - 12;
        result.Files.Should().Contain("film.16x9.clean.mp4");
        var clean = Path.Combine(output, "film.16x9.clean.mp4");
        var streams = await fixture.Media.StreamsAsync(clean);
        streams.Single(s => s.Type == "video").Frames.Should().Be(frames);
        streams.Single(s => s.Type == "audio").Duration.Should().BeApproximately(frames / 30.0, 1 / 30.0);
        (await fixture.Media.Runner.RunAsync(["-v", "error", "-i", clean, "-f", "null", "-"])).StderrTail.Should().BeEmpty("every joined piece decodes");
        (await fixture.Media.Runner.ProbeAsync(["-v", "error", "-show_entries", "format=start_time", "-of", "csv=p=0", clean])).Trim().Should().Be("0.000000");

        // The rendition has the caption at the bottom; the clean master does not.
        var rendition = Path.Combine(output, "film.16x9.mp4");
        (await NotRedAsync(clean, 50)).Should().BeLessThan(5, "the red shot shows clean");
        (await NotRedAsync(rendition, 50)).Should().BeGreaterThan(100, "the rendition has its caption there");

        // Away from the caption both show the same picture, frame for frame, transitions included.
        foreach (var frame in new[] { 5, 25, 35, 72, 80, 97, 98, 142 })
        {
            var top = (0, 0, 320, 100);
            ShouldBeNear(await fixture.Media.AverageRgbAsync(clean, frame, top), ToInts(await fixture.Media.AverageRgbAsync(rendition, frame, top)), 12, because: $"frame {frame} of the clean master matches the rendition");
        }
    }

    [Fact]
    public async Task AssembleAsync_CleanMasterBodies_AreTheNormalisedCopiesPacketsUntouched()
    {
        var cacheFolder = fixture.OutputFolder();
        var cache = new FolderNormalisedCache(cacheFolder);
        var output = fixture.OutputFolder();

        await fixture.EngineWith(cache).AssembleAsync(Film(), fixture.Clips, output);

        // The red clip's body runs from film frame 20 (after the crossfade) to 68 (before the wipe);
        // its copy has keyframes every 15 frames, so frames 15-47 of the copy are copied: film 35-67.
        var copy = Directory.GetFiles(cacheFolder, "red.mp4", SearchOption.AllDirectories).Single();
        var copyHashes = await fixture.Media.FrameHashesAsync(copy);
        var cleanHashes = await fixture.Media.FrameHashesAsync(Path.Combine(output, "film.16x9.clean.mp4"));
        cleanHashes.Skip(35).Take(33).Should().Equal(copyHashes.Skip(15).Take(33), "stream-copied frames decode bit for bit as in the copy");
        cleanHashes.Skip(20).Take(15).Should().NotEqual(copyHashes.Take(15), "frames before the first keyframe are re-encoded");
    }

    [Fact]
    public async Task AssembleAsync_SecondAssemblyOfTheSameClips_ReusesTheCachedCopies()
    {
        var cache = new FolderNormalisedCache(fixture.OutputFolder());
        var engine = fixture.EngineWith(cache);

        await engine.AssembleAsync(Film(), fixture.Clips, fixture.OutputFolder());
        cache.Stores.Should().Be(4);
        cache.Hits.Should().Be(0);

        await engine.AssembleAsync(Film(), fixture.Clips, fixture.OutputFolder());
        cache.Stores.Should().Be(4, "nothing is normalised again");
        cache.Hits.Should().Be(4);
    }

    private async Task<int> NotRedAsync(string film, int frame)
    {
        var rgb = await fixture.Media.FrameRgbAsync(film, frame, (0, 140, 320, 40));
        var count = 0;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            if (Math.Abs(rgb[i] - 255) + rgb[i + 1] + rgb[i + 2] > 120) count++;
        }

        return count;
    }

    private static (int, int, int) ToInts((double R, double G, double B) c) => ((int)c.R, (int)c.G, (int)c.B);
}
