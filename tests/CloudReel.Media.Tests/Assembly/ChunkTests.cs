using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>A film rendered in several processes (to keep memory flat) is the same film as one rendered in one.</summary>
public sealed class ChunkTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task AssembleAsync_TwoClipsPerProcess_SameFramesCaptionsAndReframingAsOneProcess()
    {
        var timeline = Timeline(
            Clip("pattern", 30, Transition(Crossfade, 10)) with { Focus = new FocusPoint(0.2, 0.5) },
            Clip("pattern", 30, Transition(WipeRight, 8)) with { Focus = new FocusPoint(0.8, 0.5) },
            Clip("redThenBlue", 60, Transition(Cut, 0)),
            Clip("red", 30, Transition(Dissolve, 12), audio: true) with { Focus = new FocusPoint(0.1, 0.5) },
            Clip("anamorphic", 30, audio: true)) with
        {
            Renditions = [Rendition(AspectRatio.Landscape), Rendition(AspectRatio.Portrait)],
            Captions = [new CaptionTrack("en", [new CaptionCue(15, 100, "One caption across the chunks")])],
            BurnedLanguages = ["en"],
            Label = new TimelineLabel("AI", Corner.TopLeft, [new FrameSpan(0, 150)]),
        };
        var single = fixture.OutputFolder();
        var chunked = fixture.OutputFolder();

        await fixture.EngineWith(maxClipsPerChunk: 6).AssembleAsync(timeline, fixture.Clips, single);
        await fixture.EngineWith(maxClipsPerChunk: 2).AssembleAsync(timeline, fixture.Clips, chunked);

        foreach (var film in new[] { "film.16x9.mp4", "film.9x16.mp4" })
        {
            var frames = (await fixture.Media.StreamsAsync(Path.Combine(chunked, film))).Single(s => s.Type == "video").Frames;
            frames.Should().Be(180 - 10 - 8 - 12);
            var (average, minimum) = await fixture.Media.PsnrAsync(Path.Combine(chunked, film), Path.Combine(single, film));
            // Measured: these pictures one frame out of step score about 26 dB on average; encoder noise alone stays near 40.
            average.Should().BeGreaterThan(36, $"{film}: every frame lines up with the single-process film");
            minimum.Should().BeGreaterThan(25, film);
        }
    }
}
