using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>The sound: loudness per rendition, music looped, faded and ducked, voice-overs, exact length.</summary>
public sealed class SoundTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const int MusicHz = 220;
    private const int VoiceHz = 1000;

    [Fact]
    public async Task AssembleAsync_StreamingAndBroadcastRenditions_EachWithinOneLuOfItsTargetAndPeaksUnderMinusOne()
    {
        var timeline = Timeline(Clip("red", 60, Transition(Crossfade, 15), audio: true), Clip("green", 45, audio: true)) with
        {
            Renditions = [Rendition(AspectRatio.Landscape, lufs: -14), Rendition(AspectRatio.Square, lufs: -23)],
            Music = new TimelineMusic("music", MusicMix.Default),
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var streaming = await fixture.Media.LoudnessAsync(Path.Combine(output, "film.16x9.mp4"));
        var broadcast = await fixture.Media.LoudnessAsync(Path.Combine(output, "film.1x1.mp4"));
        streaming.Lufs.Should().BeInRange(-15, -13);
        broadcast.Lufs.Should().BeInRange(-24, -22);
        streaming.TruePeak.Should().BeLessThanOrEqualTo(-1);
        broadcast.TruePeak.Should().BeLessThanOrEqualTo(-1);
    }

    [Fact]
    public async Task AssembleAsync_MusicUnderAVoiceOver_DuckedWhileTheVoiceSpeaks()
    {
        // The voice-over starts when the second shot is alone on screen: frame 60 (2 s), and lasts 1.2 s.
        var timeline = Timeline(Clip("grey", 60, Transition(Cut, 0)), Clip("grey", 60) with { VoiceOver = "voice" }) with
        {
            Music = new TimelineMusic("music", MusicMix.Default with { FadeInSeconds = 0, FadeOutSeconds = 0 }),
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        var musicAlone = await fixture.Media.MeanVolumeAsync(film, 1.0, 1.9, MusicHz);
        var musicUnderVoice = await fixture.Media.MeanVolumeAsync(film, 2.5, 3.1, MusicHz);
        (await fixture.Media.MeanVolumeAsync(film, 2.5, 3.1, VoiceHz)).Should().BeGreaterThan(await fixture.Media.MeanVolumeAsync(film, 1.0, 1.9, VoiceHz) + 20, "the voice-over plays from its shot");
        musicUnderVoice.Should().BeLessThan(musicAlone - 6, "the music dips under the voice");
        (await fixture.Media.MeanVolumeAsync(film, 3.6, 3.95, MusicHz)).Should().BeGreaterThan(musicUnderVoice + 3, "and comes back after it");
    }

    [Fact]
    public async Task AssembleAsync_LoudMusicUnderQuieterClipSound_SetUnderTheClipsSound()
    {
        // The red clip's tone (440 Hz) is some 10 dB quieter than the music's (220 Hz).
        var timeline = Timeline(Clip("red", 60, audio: true)) with
        {
            Music = new TimelineMusic("music", MusicMix.Default with { FadeInSeconds = 0, FadeOutSeconds = 0 }),
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        var music = await fixture.Media.MeanVolumeAsync(film, 0.5, 1.5, MusicHz);
        var clipSound = await fixture.Media.MeanVolumeAsync(film, 0.5, 1.5, 440);
        music.Should().BeLessThan(clipSound - 8, "music sits 8 LU under the clips' own sound, and ducks under it");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AssembleAsync_MusicShorterThanTheFilm_LoopedOrLeftToEnd(bool loop)
    {
        // 1.5 s of music under a 3 s film.
        var timeline = Timeline(Clip("grey", 90)) with
        {
            Music = new TimelineMusic("music", new MusicMix(FadeInSeconds: 0, FadeOutSeconds: 0, Loop: loop)),
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        var late = await fixture.Media.MaxVolumeAsync(film, 2.0, 2.9);
        if (loop) late.Should().BeGreaterThan(-30);
        else late.Should().BeLessThan(-70);
        (await fixture.Media.StreamsAsync(film)).Single(s => s.Type == "audio").Duration.Should().BeApproximately(3.0, 1 / 30.0);
    }

    [Fact]
    public async Task AssembleAsync_MusicFades_QuietAtBothEndsFullInTheMiddle()
    {
        var timeline = Timeline(Clip("grey", 45)) with { Music = new TimelineMusic("music", new MusicMix(FadeInSeconds: 0.5, FadeOutSeconds: 0.5)) };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        var middle = await fixture.Media.MeanVolumeAsync(film, 0.6, 0.9);
        (await fixture.Media.MeanVolumeAsync(film, 0, 0.1)).Should().BeLessThan(middle - 10);
        (await fixture.Media.MeanVolumeAsync(film, 1.42, 1.5)).Should().BeLessThan(middle - 10);
    }
}
