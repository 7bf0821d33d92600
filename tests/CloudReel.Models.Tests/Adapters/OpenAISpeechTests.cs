using System.Diagnostics;
using CloudReel.Core.Orders;
using CloudReel.Core.Speech;
using CloudReel.Models.Configuration;
using CloudReel.Models.OpenAISpeech;
using CloudReel.Models.Resilience;
using CloudReel.Models.Tests.Support;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Adapters;

/// <summary>An OpenAI-compatible speech endpoint against a fake that follows OpenAI's documented route: the JSON sent, 429 waited out, 401 refused without the key, voices from the settings.</summary>
public sealed class OpenAISpeechTests : IAsyncLifetime, IDisposable
{
    private const string Key = "sk-proj-abcdefghijklmnop1234";
    private readonly FakeOpenAISpeech _fake = new(Key);
    private readonly AdapterKit _kit = new();

    public Task InitializeAsync() => _fake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();

    private OpenAISpeechProvider Provider(string key = Key, string model = "tts-1")
    {
        var options = new OpenAISpeechOptions { BaseUrl = _fake.Root, Key = key, Model = model, Resilience = AdapterKit.FastResilience() };
        return new OpenAISpeechProvider(options, _kit.Http("openai-compatible", _fake.Root,
            _ => ValueTask.FromResult(("Authorization", "Bearer " + key)), new OpenAISpeechErrors(), options.Resilience));
    }

    [Fact]
    public async Task Synthesize_PostsTheDocumentedJsonWithTheBearerKey_AndGetsAWav()
    {
        using var audio = new MemoryStream();

        await Provider(model: "gpt-4o-mini-tts").SynthesizeAsync(new SpeechRequest("外滩的黄昏。", "zh-CN", "nova", Rate: 1.2), audio);

        var body = _fake.Bodies.Single();
        body["model"]!.GetValue<string>().Should().Be("gpt-4o-mini-tts");
        body["input"]!.GetValue<string>().Should().Be("外滩的黄昏。");
        body["voice"]!.GetValue<string>().Should().Be("nova");
        body["response_format"]!.GetValue<string>().Should().Be("wav");
        body["speed"]!.GetValue<double>().Should().Be(1.2);
        _fake.Requests.Single().Authorization.Should().Be("Bearer " + Key);
        WavAudio.Read(audio.ToArray()).Seconds.Should().BeApproximately(FakeSpeechAudio.Seconds("外滩的黄昏。"), 0.01);
    }

    [Fact]
    public async Task Synthesize_TooManyRequests_WaitsTheRetryAfterAndSynthesisesOnce()
    {
        _fake.Faults.Add(Operation.Submit, Fault.TooManyRequests(1));
        using var audio = new MemoryStream();
        var clock = Stopwatch.StartNew();

        await Provider().SynthesizeAsync(new SpeechRequest("Hello.", "en-US", "alloy"), audio);

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
        _fake.SubmitRequests.Should().Be(2);
        _fake.Syntheses.Should().Be(1);
    }

    [Fact]
    public async Task Synthesize_WrongKey_IsRefusedOnceWithWhatToCheck_AndNeverShowsTheKey()
    {
        const string wrong = "sk-wrong-key-0123456789";
        var act = () => Provider(wrong).SynthesizeAsync(new SpeechRequest("Hello.", "en-US", "alloy"), Stream.Null);

        var error = (await act.Should().ThrowAsync<ProviderCallException>()).Which;
        error.Failure.Should().Be(CallFailure.Rejected);
        error.Answer!.Status.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        error.Message.Should().Contain("check Speech:OpenAI:Key").And.NotContain(wrong).And.NotContain("6789", "OpenAI's own message shows the key's end");
        _kit.Logs.All.Should().NotContain("6789");
        _fake.Requests.Should().ContainSingle("a 401 is not tried again");
    }

    [Fact]
    public async Task Validate_VoiceNotConfigured_IsRefusedAtItsLineWithDidYouMean()
    {
        var catalog = new SpeechCatalog([Provider()], SpeechProviders.OpenAiCompatible);
        const string order = """
            title: Harbour
            languages: [en-US]
            voice: {provider: openai-compatible, voices: {en-US: allloy}}
            shots:
              - {id: quay, prompt: The quay, seconds: 4, narration: Dawn at the quay.}
            """;

        var result = await new OrderLoader(new NoFiles(), new Dictionary<string, Core.Models.ModelCapabilities>
        {
            ["animatic"] = new() { Name = "animatic", Version = "1", Durations = Core.Models.DurationOptions.Range(1, 60) },
        }, speech: catalog).LoadAsync(order.Replace("title: Harbour", "title: Harbour\nmodel: animatic", StringComparison.Ordinal), "order.yaml");

        var error = result.Errors.Should().ContainSingle().Which;
        (error.Field, error.Line).Should().Be(("voice.voices.en-US", 4));
        error.Message.Should().Contain("openai-compatible has no voice 'allloy'").And.Contain("did you mean 'alloy'");
        _fake.Requests.Should().BeEmpty("the voices come from the settings: nothing is asked of the service");
    }

    [Fact]
    public async Task Settings_ListTheDocumentedVoicesPerLanguage_AndNeedAKey()
    {
        var options = new OpenAISpeechOptions();

        options.IsConfigured.Should().BeFalse();
        options.ServiceUri.Should().Be(new Uri("https://api.openai.com/"));
        var info = await new OpenAISpeechProvider(options, _kit.Http("openai-compatible", "https://api.openai.com", null, new OpenAISpeechErrors())).DescribeAsync();
        info.Voices.Where(v => v.Locale == "zh-CN").Select(v => v.Name).Should().Contain(["alloy", "nova", "shimmer", "cedar"]).And.HaveCount(13);
        info.DefaultVoiceFor("zh-CN").Should().Be("alloy");
        info.PricePerMillionCharacters.Should().Be(15m);
    }

    private sealed class NoFiles : IOrderFiles
    {
        public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default) => Task.FromResult<long?>(null);
    }
}
