using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Speech;
using CloudReel.Core.Tests.Planning;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

/// <summary>Narration, dialogue and the voice section: bound, written back, and checked against the speech providers with located errors.</summary>
public class OrderVoiceTests
{
    private static readonly SpeechChoices Speech = new(
        SpeechProviders.Espeak,
        new Dictionary<string, SpeechProviderInfo>
        {
            [SpeechProviders.Espeak] = new()
            {
                Name = SpeechProviders.Espeak,
                Voices = [new("cmn", "cmn"), new("en-us", "en-US"), new("en", "en")],
                DefaultVoices = new Dictionary<string, string> { ["zh"] = "cmn", ["en"] = "en-us" },
            },
            [SpeechProviders.AzureSpeech] = new()
            {
                Name = SpeechProviders.AzureSpeech,
                Voices =
                [
                    new("zh-CN-XiaoxiaoNeural", "zh-CN", ["cheerful", "sad", "narration-relaxed"]),
                    new("zh-CN-YunxiNeural", "zh-CN", ["narration-relaxed"]),
                    new("en-US-AvaNeural", "en-US"),
                ],
                DefaultVoices = new Dictionary<string, string> { ["zh-CN"] = "zh-CN-XiaoxiaoNeural", ["en"] = "en-US-AvaNeural" },
                PricePerMillionCharacters = 15m,
            },
        },
        new Dictionary<string, string> { [SpeechProviders.OpenAiCompatible] = "set Speech:OpenAiCompatible:Endpoint" });

    private const string SpokenYaml = """
        title: Harbour Tales
        languages: [zh-CN, en]
        voice:
          provider: azure-speech
          voices: {zh-CN: zh-CN-YunxiNeural}
          rate: 1.2
          pitch: -2
          style: narration-relaxed
        characters:
          - {id: mei, name: Mei, look: a girl in a yellow raincoat, voice: {zh-CN: zh-CN-XiaoxiaoNeural, en: en-US-AvaNeural}}
          - {id: lin, name: Grandpa Lin, look: an old man, voice: zh-CN-YunxiNeural}
        shots:
          - id: pier
            prompt: Mei runs along the pier
            seconds: 6
            narration: {zh-CN: 清晨的码头。, en: Morning on the pier.}
            dialogue:
              - {character: mei, line: {zh-CN: 阿公！, en: Grandpa!}}
              - {character: lin, line: 来了。}
          - {id: sea, prompt: The boats head out, narration: 船出海了。}
        """;

    private static Task<OrderLoadResult> LoadSpokenAsync(string text) =>
        new OrderLoader(new FakeOrderFiles(), OrderTestKit.Models, speech: Speech).LoadAsync(text, "order.yaml");

    private static async Task<OrderError> SingleSpokenErrorAsync(string text)
    {
        var result = await LoadSpokenAsync(text);
        result.Errors.Should().ContainSingle($"these were found: {string.Join(" | ", result.Errors)}");
        return result.Errors[0];
    }

    [Fact]
    public async Task Load_VoiceNarrationAndDialogue_AreBoundAndWrittenBack()
    {
        var result = await LoadSpokenAsync(SpokenYaml);
        result.Errors.Should().BeEmpty();
        var order = result.Order!;

        order.Voice.Should().Be(new VoiceSpec(SpeechProviders.AzureSpeech, null, new Dictionary<string, string> { ["zh-CN"] = "zh-CN-YunxiNeural" }, 1.2, -2, "narration-relaxed"));
        order.Voice.SpokenLanguage(order.Languages).Should().Be("zh-CN");
        order.Characters[0].VoiceFor("en").Should().Be("en-US-AvaNeural");
        order.Characters[1].VoiceFor("en").Should().Be("zh-CN-YunxiNeural");
        order.Shots[0].Narration.Should().Equal(new Dictionary<string, string> { ["zh-CN"] = "清晨的码头。", ["en"] = "Morning on the pier." });
        order.Shots[0].Dialogue.Select(d => d.Character).Should().Equal("mei", "lin");
        order.Shots[0].Dialogue[1].Text.Should().Equal(new Dictionary<string, string> { ["zh-CN"] = "来了。" });
        order.Shots[1].Narration.Should().ContainKey("zh-CN").WhoseValue.Should().Be("船出海了。");
        order.Shots.Select(s => s.Speaks).Should().Equal(true, true);

        var again = (await LoadSpokenAsync(OrderYamlWriter.Write(order))).Order!;
        again.Voice.Should().Be(order.Voice);
        again.Characters[0].Voices.Should().Equal(order.Characters[0].Voices);
        again.Characters[1].Voice.Should().Be("zh-CN-YunxiNeural");
        again.Shots[0].Narration.Should().Equal(order.Shots[0].Narration);
        again.Shots[0].Dialogue.Should().BeEquivalentTo(order.Shots[0].Dialogue);
    }

    [Fact]
    public async Task Load_UnknownNarratorVoice_IsLocatedWithDidYouMean()
    {
        var error = await SingleSpokenErrorAsync(SpokenYaml.Replace("{zh-CN: zh-CN-YunxiNeural}", "{zh-CN: zh-CN-YunxiNeurl}", StringComparison.Ordinal));

        error.ToString().Should().StartWith("order.yaml:5:19: voice.voices.zh-CN: azure-speech has no voice 'zh-CN-YunxiNeurl'; did you mean 'zh-CN-YunxiNeural'?");
        error.Message.Should().Contain("zh-CN voices: zh-CN-XiaoxiaoNeural, zh-CN-YunxiNeural");
    }

    [Fact]
    public async Task Load_UnknownCharacterVoice_IsLocatedAtTheCharactersVoice()
    {
        var error = await SingleSpokenErrorAsync(SpokenYaml.Replace("voice: zh-CN-YunxiNeural}", "voice: zh-CN-Yunxi}", StringComparison.Ordinal));

        error.Field.Should().Be("characters[1].voice");
        error.Line.Should().Be(11);
        error.Message.Should().Be("azure-speech has no voice 'zh-CN-Yunxi'; did you mean 'zh-CN-YunxiNeural'? (zh-CN voices: zh-CN-XiaoxiaoNeural, zh-CN-YunxiNeural)");
    }

    [Fact]
    public async Task Load_LanguageWithNoVoice_SaysSoAtTheVoice()
    {
        var error = await SingleSpokenErrorAsync(Lines("title: T", "languages: [fr, en]", "voice: {provider: espeak}",
            "shots:", "  - {id: a, prompt: p, narration: {fr: Bonjour.}}"));

        error.Field.Should().Be("voice");
        error.Line.Should().Be(3);
        error.Message.Should().Be("no voice speaks 'fr', the language the film speaks: espeak has no default voice for it; name one in 'voice.voices' (`cloudreel voices` lists espeak's voices)");
    }

    [Fact]
    public async Task Load_NarrationTooLongForItsShot_SaysByHowMuch()
    {
        var error = await SingleSpokenErrorAsync(Lines("title: T", "languages: [zh-CN]", "shots:",
            "  - id: a", "    prompt: p", "    seconds: 4", "    narration: " + new string('海', 20)));

        // 20 characters at 0.25 s + 0.5 s of padding = 5.5 s in a 4 s shot.
        error.ToString().Should().Be("order.yaml:7:16: shots[0].narration: takes about 5.5 s to say in zh-CN at rate 1 (with 0.5 s of padding), but shot 'a' lasts 4 s: 1.5 s too long; shorten it, raise 'voice.rate' or make the shot longer");
    }

    [Fact]
    public async Task Load_FasterRate_MakesTheSameNarrationFit()
    {
        var result = await LoadSpokenAsync(Lines("title: T", "languages: [zh-CN]", "voice: {rate: 1.5}", "shots:",
            "  - {id: a, prompt: p, seconds: 4, narration: " + new string('海', 20) + "}"));

        result.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Load_StyleTheVoiceLacks_IsNamedWithTheVoicesStyles()
    {
        var error = await SingleSpokenErrorAsync(SpokenYaml.Replace("voices: {zh-CN: zh-CN-YunxiNeural}", "voices: {zh-CN: zh-CN-XiaoxiaoNeural}", StringComparison.Ordinal)
            .Replace("style: narration-relaxed", "style: cheerfull", StringComparison.Ordinal));

        error.Field.Should().Be("voice.style");
        error.Message.Should().Be("azure-speech voice 'zh-CN-XiaoxiaoNeural' has no style 'cheerfull'; did you mean 'cheerful'? (its styles: cheerful, sad, narration-relaxed)");
    }

    [Fact]
    public async Task Load_UnconfiguredProvider_SaysWhatToSet()
    {
        var error = await SingleSpokenErrorAsync(Lines("title: T", "languages: [en]", "voice: {provider: openai-compatible}", "shots:", "  - {id: a, prompt: p, narration: Hi.}"));

        error.Field.Should().Be("voice.provider");
        error.Message.Should().Be("speech provider 'openai-compatible' is not configured here: set Speech:OpenAiCompatible:Endpoint");
    }

    [Fact]
    public async Task Load_DialogueOfAnUnknownCharacterAndNarrationInAnotherLanguage_AreLocated()
    {
        var result = await LoadSpokenAsync(Lines("title: T", "languages: [en]", "characters: [{id: mei, name: Mei, look: l}]", "shots:",
            "  - id: a", "    prompt: p", "    narration: {en: Hi., de: Hallo.}", "    dialogue: [{character: mie, line: Hello.}]"));

        result.Errors.Select(e => $"{e.Line}:{e.Field}: {e.Message}").Should().BeEquivalentTo(
            "7:shots[0].narration.de: language 'de' is not in the order's languages (en)",
            "8:shots[0].dialogue[0].character: unknown character 'mie'; did you mean 'mei'? (characters: mei)");
    }

    [Fact]
    public async Task Load_NarrationWithoutTheSpokenLanguage_IsAnError()
    {
        var error = await SingleSpokenErrorAsync(Lines("title: T", "languages: [zh-CN, en]", "shots:", "  - {id: a, prompt: p, narration: {en: Hi.}}"));

        error.Field.Should().Be("shots[0].narration");
        error.Message.Should().Be("has no 'zh-CN' text, the language the film speaks; add it, or set 'voice.language'");
    }

    [Fact]
    public async Task Load_CharacterVoiceWithoutSpeech_IsNotHeldToAProvider()
    {
        // A voice named on a character of a silent film is not checked (nothing is spoken).
        var result = await LoadSpokenAsync(Lines("title: T", "characters: [{id: mei, name: Mei, look: l, voice: some-voice}]", "shots:", "  - {id: a, prompt: p, cast: [mei]}"));

        result.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Plan_ScreenplayOfAVoicedCast_GivesEachCharacterTheirLines()
    {
        const string script = """
            INT. NOODLE SHOP - NIGHT

            MEI wipes the counter.

            MEI
            We're closed.

            CHEN (O.S.)
            Just one bowl.

            Chen steps in from the rain.
            """;
        var order = PlanningFixtures.Script("en") with
        {
            Characters = [new CastMember("mei", "Mei", "a cook", [], "en-us"), new CastMember("chen", "Chen", "a courier", [], "en")],
        };

        var shots = RuleBasedPlanner.Plan(order, script, PlanningFixtures.Animatic).Planned.Shots;

        shots[0].Dialogue.Should().BeEquivalentTo(new[]
        {
            new DialogueLine("mei", new Dictionary<string, string> { ["en"] = "We're closed." }),
            new DialogueLine("chen", new Dictionary<string, string> { ["en"] = "Just one bowl." }),
        });
        shots.Skip(1).Should().OnlyContain(s => s.Dialogue.Count == 0);
    }

    [Fact]
    public void Plan_VoicedScreenplayAimedAtAShortFilm_EachShotStillHoldsItsLines()
    {
        const string script = """
            INT. NOODLE SHOP - NIGHT

            Rain on the window.

            MEI
            We're closed for the night, the kitchen is cold and the last bowl went an hour ago.

            CHEN
            Then I will wait here until morning, because I have walked across the whole city for it.

            Chen sits.
            """;
        var order = PlanningFixtures.Script("en") with
        {
            Characters = [new CastMember("mei", "Mei", "a cook", [], "en-us"), new CastMember("chen", "Chen", "a courier", [], "en")],
            TargetSeconds = 6,
        };

        var planned = RuleBasedPlanner.Plan(order, script, PlanningFixtures.Animatic).Planned;

        var spoken = planned.Shots.Single(s => s.Dialogue.Count > 0);
        var needed = spoken.Dialogue.Sum(l => SpeechEstimate.Seconds(l.Text["en"], 1)) + SpeechEstimate.PaddingSeconds;
        spoken.Seconds.Should().BeGreaterThanOrEqualTo(needed, "a film length is aimed for, but never by cutting a line short");
    }

    [Fact]
    public void Plan_ScreenplayWithoutVoices_StaysSilent()
    {
        var shots = RuleBasedPlanner.Plan(PlanningFixtures.Script("en"), "INT. ROOM - DAY\n\nMEI sits.\n\nMEI\nHello.\n", PlanningFixtures.Animatic).Planned.Shots;

        shots.Should().OnlyContain(s => s.Dialogue.Count == 0);
    }

    [Fact]
    public void Estimate_ChineseAndEnglish_FollowTheirPace()
    {
        SpeechEstimate.Seconds("外滩的老建筑亮灯了", 1).Should().BeApproximately(9 * 0.25, 1e-9);
        SpeechEstimate.Seconds("Dusk on the Bund. The facades light up.", 1).Should().BeApproximately((8 * 0.4) + 0.3, 1e-9);
        SpeechEstimate.Seconds("外滩的老建筑亮灯了", 2).Should().BeApproximately(9 * 0.25 / 2, 1e-9);
    }
}
