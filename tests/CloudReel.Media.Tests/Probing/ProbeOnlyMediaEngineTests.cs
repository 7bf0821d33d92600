using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Media.Probing;
using CloudReel.Media.Tests.Support;

namespace CloudReel.Media.Tests.Probing;

public sealed class ProbeOnlyMediaEngineTests : IDisposable
{
    private readonly TestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task ProbeAsync_ChecksClipsLikeTheFullEngine()
    {
        var engine = new ProbeOnlyMediaEngine(new FfprobeClipProber(_media.Runner));
        var clip = await _media.ClipAsync("clip.mp4", width: 320, height: 180, fps: 25, seconds: 1);

        var probe = await engine.ProbeAsync(clip);

        probe.VideoFrames.Should().Be(25);
        await FluentActions.Awaiting(() => engine.ProbeAsync(_media.PathOf("missing.mp4"))).Should().ThrowAsync<BadClipException>();
    }

    [Fact]
    public async Task AssembleAsync_SaysWhereFilmsAreAssembledInstead()
    {
        var engine = new ProbeOnlyMediaEngine(new FfprobeClipProber(_media.Runner));
        var timeline = new FilmTimeline { FilmId = "promo-1", Title = "Promo", OutputName = "promo", Fps = 30, Aspect = AspectRatio.Landscape, Size = new FrameSize(320, 180), Clips = [] };

        var act = () => engine.AssembleAsync(timeline, new Dictionary<string, string>(), _media.PathOf("out"));

        await act.Should().ThrowAsync<NotSupportedException>().WithMessage("*promo-1*assembler container*");
    }
}
