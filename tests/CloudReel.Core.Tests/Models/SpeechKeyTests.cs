using System.Xml.Linq;
using CloudReel.Core.Speech;

namespace CloudReel.Core.Tests.Models;

/// <summary>A spoken line's content key follows everything that changes the sound; its SSML escapes the text; WAV files join to the sample.</summary>
public class SpeechKeyTests
{
    private static readonly SpeechRequest Line = new("外滩的夜。", "zh-CN", "zh-CN-XiaoxiaoNeural", 1, 0, null);

    [Fact]
    public void Key_ChangesWithEveryFieldThatChangesTheSound()
    {
        var key = SpeechKey.For("azure-speech", "v1", Line);

        var others = new[]
        {
            SpeechKey.For("espeak", "v1", Line),
            SpeechKey.For("azure-speech", "v2", Line),
            SpeechKey.For("azure-speech", "v1", Line with { Text = "外滩的夜！" }),
            SpeechKey.For("azure-speech", "v1", Line with { Voice = "zh-CN-YunxiNeural" }),
            SpeechKey.For("azure-speech", "v1", Line with { Rate = 1.1 }),
            SpeechKey.For("azure-speech", "v1", Line with { Pitch = 1 }),
            SpeechKey.For("azure-speech", "v1", Line with { Style = "cheerful" }),
            SpeechKey.For("azure-speech", "v1", Line with { Language = "zh-TW" }),
        };

        others.Should().OnlyHaveUniqueItems().And.NotContain(key);
        SpeechKey.For("azure-speech", "v1", Line with { }).Should().Be(key);
        key.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Ssml_EscapesTheTextAndNamesTheVoice()
    {
        var ssml = XDocument.Parse(Ssml.For(Line with { Text = "</voice><voice name=\"x\">&", Rate = 0.8, Pitch = 1.5 }));

        var voice = ssml.Root!.Elements().Single();
        voice.Attribute("name")!.Value.Should().Be("zh-CN-XiaoxiaoNeural");
        voice.Value.Should().Be("</voice><voice name=\"x\">&");
        var prosody = voice.Elements().Single();
        prosody.Attribute("rate")!.Value.Should().Be("-20%");
        prosody.Attribute("pitch")!.Value.Should().Be("+1.5st");
    }

    [Fact]
    public void Wav_JoinsPartsToTheSampleAndReadsBack()
    {
        var a = new WavAudio(22050, 1, 16, new byte[22050 * 2]);
        var b = new WavAudio(22050, 1, 16, new byte[11025 * 2]);

        var joined = WavAudio.Read(WavAudio.Join([a, b]).ToFile());

        joined.Seconds.Should().Be(1.5);
        var act = () => WavAudio.Join([a, new WavAudio(24000, 1, 16, new byte[10])]);
        act.Should().Throw<FormatException>();
    }
}

/// <summary>The estimate counts the spoken language's narration and dialogue only, at the provider's price.</summary>
public class SpeechCostTests
{
    [Fact]
    public void Estimate_CountsTheSpokenLanguageAtThePricePerMillion()
    {
        var order = new CloudReel.Core.Orders.FilmOrder
        {
            Title = "T",
            Languages = ["zh-CN", "en"],
            Shots =
            [
                new() { Id = "a", Prompt = "p", Narration = new Dictionary<string, string> { ["zh-CN"] = "外滩的夜。", ["en"] = "Night on the Bund." } },
                new() { Id = "b", Prompt = "p", Dialogue = [new("mei", new Dictionary<string, string> { ["zh-CN"] = "你好！" })] },
            ],
        };

        SpeechCost.Characters(order).Should().Be(8);
        SpeechCost.Estimate(order, new SpeechProviderInfo { Name = "azure-speech", PricePerMillionCharacters = 15m }).Should().Be(0.00012m);
        SpeechCost.Characters(order with { Voice = new CloudReel.Core.Orders.VoiceSpec(Language: "en") }).Should().Be(18);
    }
}
