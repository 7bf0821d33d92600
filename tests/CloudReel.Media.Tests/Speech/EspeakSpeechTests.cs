using CloudReel.Core.Speech;
using CloudReel.Media.Speech;

namespace CloudReel.Media.Tests.Speech;

/// <summary>The real espeak-ng (installed by infra/scripts/install-prereqs.sh): its voices, and real speech of about the length expected.</summary>
public class EspeakSpeechTests
{
    private static EspeakSpeech Espeak()
    {
        var espeak = EspeakSpeech.Locate(Environment.GetEnvironmentVariable);
        if (!espeak.IsConfigured) Assert.Fail("espeak-ng is missing: run infra/scripts/install-prereqs.sh");
        return espeak;
    }

    [Fact]
    public async Task Describe_ListsMandarinAndEnglish_WithDefaultsForZhAndEn()
    {
        var info = await Espeak().DescribeAsync();

        info.FindVoice("cmn").Should().NotBeNull();
        info.FindVoice("en-us").Should().NotBeNull();
        info.DefaultVoiceFor("zh-CN").Should().Be("cmn");
        info.DefaultVoiceFor("en").Should().Be("en-us");
        info.PricePerMillionCharacters.Should().Be(0);
        Espeak().Version.Should().StartWith("espeak-ng 1.");
    }

    [Theory]
    [InlineData("黄昏的外滩，万国建筑群次第亮灯。", "zh-CN", "cmn")]
    [InlineData("Dusk on the Bund, the old facades lighting up window by window.", "en", "en-us")]
    public async Task Synthesize_SpeaksForAboutTheEstimatedTime(string text, string language, string voice)
    {
        using var audio = new MemoryStream();

        await Espeak().SynthesizeAsync(new SpeechRequest(text, language, voice), audio);

        var wav = WavAudio.Read(audio.ToArray());
        wav.Channels.Should().Be(1);
        wav.BitsPerSample.Should().Be(16);
        var estimate = SpeechEstimate.Seconds(text, 1);
        wav.Seconds.Should().BeInRange(estimate * 0.6, (estimate * 1.5) + 0.5, "validation holds narration to the estimate");
        Loudest(wav).Should().BeGreaterThan(3000, "it is speech, not silence");
    }

    [Fact]
    public async Task Synthesize_FasterRate_IsShorter_AndTextLikeAnOptionIsSpoken()
    {
        using var normal = new MemoryStream();
        using var fast = new MemoryStream();
        const string text = "-v en --help is not an option here.";

        await Espeak().SynthesizeAsync(new SpeechRequest(text, "en", "en-us"), normal);
        await Espeak().SynthesizeAsync(new SpeechRequest(text, "en", "en-us", Rate: 1.5), fast);

        var normalSeconds = WavAudio.Read(normal.ToArray()).Seconds;
        normalSeconds.Should().BeGreaterThan(1.5, "the whole text was spoken, not read as options");
        WavAudio.Read(fast.ToArray()).Seconds.Should().BeLessThan(normalSeconds * 0.8);
    }

    [Fact]
    public void Arguments_CarryTheTextFileNeverTheText()
    {
        var arguments = EspeakSpeech.Arguments(new SpeechRequest("; rm -rf / $(reboot)", "en", "en-us", 2, 3), "/tmp/x/line.txt", "/tmp/x/line.wav");

        arguments.Should().Equal("-v", "en-us", "-s", "350", "-p", "62", "-w", "/tmp/x/line.wav", "-f", "/tmp/x/line.txt");
    }

    private static int Loudest(WavAudio wav)
    {
        var loudest = 0;
        for (var i = 0; i + 1 < wav.Samples.Length; i += 2) loudest = Math.Max(loudest, Math.Abs((int)BitConverter.ToInt16(wav.Samples, i)));
        return loudest;
    }
}
