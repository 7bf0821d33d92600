using CloudReel.Core.Orders;
using CloudReel.Core.Speech;
using CloudReel.Core.Timeline;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>A film's speech: each shot's lines in their voices, joined into a voice-over; captions on the spoken sentences; nothing synthesised twice.</summary>
public class ShotSpeechTests
{
    internal static readonly FilmOrder Spoken = new()
    {
        Title = "Harbour",
        Languages = ["zh-CN", "en"],
        Voice = new VoiceSpec(Rate: 1.1),
        Characters = [new CastMember("mei", "Mei", "a girl", [], "mei-voice")],
        Shots =
        [
            new()
            {
                Id = "a", Prompt = "p", Seconds = 5,
                Narration = new Dictionary<string, string> { ["zh-CN"] = "外滩。夜色很美。", ["en"] = "The Bund. A fine night." },
                Dialogue = [new DialogueLine("mei", new Dictionary<string, string> { ["zh-CN"] = "你好！", ["en"] = "Hello! Hi!" })],
            },
            new() { Id = "b", Prompt = "q", Seconds = 3, Captions = new Dictionary<string, string> { ["en"] = "Silent" } },
        ],
    };

    [Fact]
    public async Task Speak_JoinsNarrationAndDialogueInTheirVoices_WithCaptionsOnTheSentences()
    {
        var (speech, provider, _) = Make();

        var film = await speech.SpeakAsync(Spoken, CancellationToken.None);

        provider.Requests.Select(r => (r.Text, r.Voice)).Should().Equal(("外滩。", "narrator"), ("夜色很美。", "narrator"), ("你好！", "mei-voice"));
        provider.Requests.Should().OnlyContain(r => r.Rate == 1.1 && r.Language == "zh-CN");
        film.Shots.Should().ContainSingle().Which.ShotId.Should().Be("a");
        var shot = film.Shots[0];
        // 0.25 s lead, 0.3 + 0.5 s of narration, a 0.3 s pause, 0.3 s of dialogue (the fake speaks 0.1 s a character).
        shot.Seconds.Should().BeApproximately(0.25 + 0.8 + 0.3 + 0.3, 1e-6);
        var zh = shot.Captions.Where(c => c.Language == "zh-CN").ToList();
        zh.Select(c => c.Text).Should().Equal("外滩。", "夜色很美。", "你好！");
        zh.Select(c => Math.Round(c.Start, 3)).Should().Equal(0.25, 0.55, 1.35);
        zh.Select(c => Math.Round(c.End, 3)).Should().Equal(0.55, 1.05, 1.65);
        var en = shot.Captions.Where(c => c.Language == "en").ToList();
        en.Select(c => (c.Text, Math.Round(c.Start, 3), Math.Round(c.End, 3))).Should().Equal(
            ("The Bund.", 0.25, 0.55), ("A fine night.", 0.55, 1.05), ("Hello! Hi!", 1.35, 1.65));
        film.LinesSynthesised.Should().Be(2);
        film.Characters.Should().Be(11);
    }

    [Fact]
    public async Task Speak_SecondTime_SynthesisesNothingAndCostsNothing()
    {
        var (speech, provider, store) = Make();
        var first = await speech.SpeakAsync(Spoken, CancellationToken.None);
        var calls = provider.Requests.Count;

        var second = await speech.SpeakAsync(Spoken, CancellationToken.None);

        provider.Requests.Should().HaveCount(calls);
        second.LinesSynthesised.Should().Be(0);
        second.LinesCached.Should().Be(2);
        second.Cost.Should().Be(0);
        first.Cost.Should().Be(11 * 4m / 1_000_000m);
        second.Shots.Should().BeEquivalentTo(first.Shots);
        (await store.ExistsAsync(second.Shots[0].Audio)).Should().BeTrue();
    }

    [Fact]
    public async Task Timeline_SpokenShot_GetsItsVoiceOverAndCaptionsTimedInsideTheShot()
    {
        var (speech, _, _) = Make();
        var film = await speech.SpeakAsync(Spoken, CancellationToken.None);
        var shots = Spoken.Shots.Select((s, i) => new PlannedShot(s, [WorkflowFixtures.Attempt("m", $"{i}", s.Seconds)])).ToList();
        var plan = new PlannedFilm { Order = Spoken, Shots = shots, ModelConcurrency = new Dictionary<string, int>() };
        var outcomes = shots.Select(s => new ShotOutcome { ShotId = s.Shot.Id, Source = ShotSource.Generated, Clip = WorkflowFixtures.Clip(s.Chain[0]), Model = "m" }).ToList();

        var timeline = TimelineBuilder.Build("f", plan, outcomes, film);

        timeline.Clips[0].VoiceOver.Should().Be(film.Shots[0].Audio);
        timeline.Clips[1].VoiceOver.Should().BeNull();
        var zh = timeline.Captions.Single(t => t.Language == "zh-CN").Cues;
        var en = timeline.Captions.Single(t => t.Language == "en").Cues;
        zh.Select(c => (c.StartFrame, c.EndFrame)).Should().Equal((8, 17), (17, 32), (41, 50));
        en.Take(3).Select(c => (c.StartFrame, c.EndFrame)).Should().Equal(zh.Select(c => (c.StartFrame, c.EndFrame)), "the other language follows the spoken cues");
        en[^1].Text.Should().Be("Silent");
    }

    internal static (ShotSpeech Speech, FakeSpeechProvider Provider, MemoryClipStore Store) Make()
    {
        var store = new MemoryClipStore();
        var provider = new FakeSpeechProvider();
        return (new ShotSpeech(store, new SpeechCatalog([provider], "fake"), new SpeechLineMaker(store)), provider, store);
    }
}

/// <summary>A speech provider that speaks 0.1 s of a 440 Hz tone per character, at 16 kHz, and remembers what it was asked.</summary>
internal sealed class FakeSpeechProvider : ISpeechProvider
{
    public List<SpeechRequest> Requests { get; } = [];

    public string Name => "fake";

    public string Version => "1";

    public bool IsConfigured => true;

    public Task<SpeechProviderInfo> DescribeAsync(CancellationToken cancellationToken = default) => Task.FromResult(new SpeechProviderInfo
    {
        Name = Name,
        Voices = [new("narrator", "zh-CN"), new("mei-voice", "zh-CN")],
        DefaultVoices = new Dictionary<string, string> { ["zh"] = "narrator" },
        PricePerMillionCharacters = 4m,
    });

    public async Task SynthesizeAsync(SpeechRequest request, Stream destination, CancellationToken cancellationToken = default)
    {
        lock (Requests) Requests.Add(request);
        var frames = request.Text.Length * 1600;
        var samples = new byte[frames * 2];
        for (var i = 0; i < frames; i++) BitConverter.TryWriteBytes(samples.AsSpan(i * 2), (short)(6000 * Math.Sin(2 * Math.PI * 440 * i / 16000)));
        await destination.WriteAsync(new WavAudio(16000, 1, 16, samples).ToFile(), cancellationToken);
    }
}
