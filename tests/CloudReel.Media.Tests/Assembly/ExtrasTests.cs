using System.Text.Json;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>poster.jpg, contact-sheet.jpg and timeline.otio.</summary>
public sealed class ExtrasTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task AssembleAsync_NoPosterChosen_PostersTheSharpestShot()
    {
        var timeline = Timeline(Clip("blurry", 30, Transition(Cut, 0)), Clip("pattern", 30), Clip("blurry", 30));
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var poster = await Sharpness(Path.Combine(output, "poster.jpg"));
        poster.Should().BeGreaterThan(await Sharpness(fixture.Clips["blurry"]) * 1.5, "the sharp pattern shot wins over the blurred ones");
    }

    [Fact]
    public async Task AssembleAsync_PosterChosen_ThatFrameWithTheLabel()
    {
        var timeline = Timeline(Clip("red", 30, Transition(Cut, 0)), Clip("blue", 30)) with
        {
            PosterFrame = 45,
            Label = new Core.Timeline.TimelineLabel("AI", Core.Orders.Corner.TopRight, [new Core.Timeline.FrameSpan(0, 60)]),
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var poster = Path.Combine(output, "poster.jpg");
        ShouldBeNear(await fixture.Media.AverageRgbAsync(poster, 0, (0, 60, 320, 120)), (0, 0, 255), 30);
        var corner = await fixture.Media.FrameRgbAsync(poster, 0, (200, 0, 120, 50));
        Enumerable.Range(0, corner.Length / 3).Count(i => corner[3 * i] > 180 && corner[(3 * i) + 1] > 180)
            .Should().BeGreaterThan(20, "the label is drawn on the still too");
    }

    [Fact]
    public async Task AssembleAsync_ContactSheet_OneLabelledThumbnailPerShotInAGrid()
    {
        var timeline = Timeline(
            Clip("red", 30, Transition(Crossfade, 10)), Clip("green", 30, Transition(Cut, 0)), Clip("blue", 30), Clip("yellow", 30));
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var sheet = Path.Combine(output, "contact-sheet.jpg");
        var info = (await fixture.Media.StreamsAsync(sheet)).Single();
        (info.Width, info.Height).Should().Be((8 + (4 * (320 + 8)), 8 + 180 + 28 + 8));
        ShouldBeNear(await fixture.Media.AverageRgbAsync(sheet, 0, (8 + 40, 8 + 40, 200, 100)), (255, 0, 0), 30, because: "shot 1 first");
        ShouldBeNear(await fixture.Media.AverageRgbAsync(sheet, 0, (8 + (3 * 328) + 40, 8 + 40, 200, 100)), (255, 255, 0), 30, because: "shot 4 last");
        var band = await fixture.Media.AverageRgbAsync(sheet, 0, (8, 8 + 180, 320, 28));
        band.R.Should().BeGreaterThan(0x20 + 4, "the label's text lightens its band");
    }

    [Fact]
    public async Task AssembleAsync_Otio_ClipsAndTransitionsAddUpToTheFilmWithHandlesFromTheSources()
    {
        var timeline = Timeline(
            Clip("red", 60, Transition(Crossfade, 15), audio: true),
            Clip("green", 45, Transition(WipeLeft, 10), audio: true),
            Clip("blue", 30, Transition(Cut, 0)),
            Clip("redThenBlue", 30, sourceIn: 0.5));
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        using var otio = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "timeline.otio")));
        otio.RootElement.GetProperty("OTIO_SCHEMA").GetString().Should().Be("Timeline.1");
        var stack = otio.RootElement.GetProperty("tracks");
        stack.GetProperty("OTIO_SCHEMA").GetString().Should().Be("Stack.1");
        var track = stack.GetProperty("children")[0];
        (track.GetProperty("OTIO_SCHEMA").GetString(), track.GetProperty("kind").GetString()).Should().Be(("Track.1", "Video"));
        var items = track.GetProperty("children").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("OTIO_SCHEMA").GetString()).Should().Equal("Clip.2", "Transition.1", "Clip.2", "Transition.1", "Clip.2", "Clip.2");

        // Each overlap is cut in its middle: 15 frames -> 8 before the cut, 7 after; 10 -> 5 and 5.
        var clips = items.Where(i => i.GetProperty("OTIO_SCHEMA").GetString() == "Clip.2").ToList();
        clips.Select(c => Range(c)).Should().Equal((0, 53), (8, 45 - 8 - 10 + 5), (5, 30 - 5), (15, 30));
        clips.Sum(c => Range(c).Frames).Should().Be(60 + 45 + 30 + 30 - 15 - 10, "an OTIO track is as long as the film");
        var transitions = items.Where(i => i.GetProperty("OTIO_SCHEMA").GetString() == "Transition.1").ToList();
        transitions.Select(t => (Offset(t, "in_offset"), Offset(t, "out_offset"))).Should().Equal((8, 7), (5, 5));
        transitions[0].GetProperty("transition_type").GetString().Should().Be("SMPTE_Dissolve");
        var media = clips[0].GetProperty("media_references").GetProperty(clips[0].GetProperty("active_media_reference_key").GetString()!);
        media.GetProperty("OTIO_SCHEMA").GetString().Should().Be("ExternalReference.1");
        new Uri(media.GetProperty("target_url").GetString()!).LocalPath.Should().Be(fixture.Clips["red"]);
    }

    private static (int Start, int Frames) Range(JsonElement clip)
    {
        var range = clip.GetProperty("source_range");
        range.GetProperty("start_time").GetProperty("rate").GetDouble().Should().Be(30);
        return ((int)range.GetProperty("start_time").GetProperty("value").GetDouble(), (int)range.GetProperty("duration").GetProperty("value").GetDouble());
    }

    private static int Offset(JsonElement transition, string name) => (int)transition.GetProperty(name).GetProperty("value").GetDouble();

    /// <summary>Mean absolute difference between horizontal neighbours: edges make it high, blur low.</summary>
    private async Task<double> Sharpness(string image)
    {
        var gray = await fixture.Media.FrameGrayAsync(image, 0);
        long total = 0;
        for (var i = 1; i < gray.Length; i++) total += Math.Abs(gray[i] - gray[i - 1]);
        return (double)total / gray.Length;
    }
}
