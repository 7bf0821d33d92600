using CloudReel.Core.Orders;
using CloudReel.Core.Speech;
using CloudReel.Core.Timeline;
using CloudReel.Media.Speech;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>A narration spoken by the real espeak-ng, mixed as a voice-over over music: loud as ordered, and the speech well above the ducked music.</summary>
public sealed class SpokenNarrationMixTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const int MusicHz = 220;

    [Fact]
    public async Task AssembleAsync_EspeakNarrationOverMusic_LoudnessOnTargetAndSpeechAboveTheDuckedMusic()
    {
        var espeak = EspeakSpeech.Locate(Environment.GetEnvironmentVariable);
        if (!espeak.IsConfigured) Assert.Fail("espeak-ng is missing: run infra/scripts/install-prereqs.sh");
        var narration = fixture.Media.PathOf("narration.wav");
        await using (var file = File.Create(narration))
        {
            await espeak.SynthesizeAsync(new SpeechRequest("黄昏的外滩，老建筑一栋栋亮起来。", "zh-CN", "cmn"), file);
        }
        var spoken = WavAudio.Read(await File.ReadAllBytesAsync(narration)).Seconds;
        spoken.Should().BeInRange(2, 4.5);
        fixture.Clips["narration"] = narration;
        // Five seconds of picture: the narration from the start, then music alone.
        var timeline = Timeline(Clip("grey", 150) with { VoiceOver = "narration" }) with
        {
            Music = new TimelineMusic("music", MusicMix.Default with { FadeInSeconds = 0, FadeOutSeconds = 0 }),
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        var loudness = await fixture.Media.LoudnessAsync(film);
        loudness.Lufs.Should().BeInRange(-15, -13, "streaming loudness, -14 LUFS within 1 LU");
        loudness.TruePeak.Should().BeLessThanOrEqualTo(-1);
        var total = await fixture.Media.MeanVolumeAsync(film, 0.5, 1.8);
        var musicUnderSpeech = await fixture.Media.MeanVolumeAsync(film, 0.5, 1.8, MusicHz);
        var musicAlone = await fixture.Media.MeanVolumeAsync(film, spoken + 0.8, 4.8, MusicHz);
        // The music is one tone: its band holds all of it, so what else is heard is the speech.
        var speech = 10 * Math.Log10(Math.Pow(10, total / 10) - Math.Pow(10, musicUnderSpeech / 10));
        speech.Should().BeGreaterThan(musicUnderSpeech + 10, "the narration stands well above the music under it");
        musicUnderSpeech.Should().BeLessThan(musicAlone - 4, "the music ducks while the narration speaks");
    }
}
