using System.Diagnostics;
using System.Xml.Linq;
using Azure.Core;
using CloudReel.Core.Ports;
using CloudReel.Core.Speech;
using CloudReel.Models.AzureOpenAI;
using CloudReel.Models.AzureSpeech;
using CloudReel.Models.Configuration;
using CloudReel.Models.Resilience;
using CloudReel.Models.Tests.Support;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Adapters;

/// <summary>Azure AI Speech against a fake that follows its REST contract: SSML and headers sent, voices read, 429 waited out, 401 and unknown voices refused, lines kept.</summary>
public sealed class AzureSpeechTests : IAsyncLifetime, IDisposable
{
    private const string Key = "speech-key";
    private readonly FakeAzureSpeech _fake = new(Key, bearer: "aad#/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a#entra-token");
    private readonly AdapterKit _kit = new();

    public Task InitializeAsync() => _fake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();

    private AzureSpeechOptions Options(string key = Key) => new() { BaseUrl = _fake.Root, Key = key, Resilience = AdapterKit.FastResilience() };

    private AzureSpeechProvider Provider(AzureSpeechOptions? options = null)
    {
        options ??= Options();
        var credential = new AzureCredential("Ocp-Apim-Subscription-Key", options.Key, options.UseEntraId, null, AzureSpeechOptions.Scope,
            options.ResourceId is { } resource ? token => $"aad#{resource}#{token}" : null, new StaticToken("entra-token"));
        return new AzureSpeechProvider(options, _kit.Http("azure-speech", _fake.Root, credential.HeaderAsync, new AzureSpeechErrors(), options.Resilience));
    }

    [Fact]
    public async Task Synthesize_SendsSsmlWithTheVoiceRatePitchAndStyle_AndGetsAWav()
    {
        using var audio = new MemoryStream();

        await Provider().SynthesizeAsync(new SpeechRequest("外滩 <亮灯> & 夜色", "zh-CN", "zh-CN-XiaoxiaoNeural", 1.2, -2, "cheerful"), audio);

        var ssml = XDocument.Parse(_fake.Ssml.Single());
        XNamespace s = "http://www.w3.org/2001/10/synthesis";
        ssml.Root!.Attribute(XNamespace.Xml + "lang")!.Value.Should().Be("zh-CN");
        var voice = ssml.Root.Element(s + "voice")!;
        voice.Attribute("name")!.Value.Should().Be("zh-CN-XiaoxiaoNeural");
        var style = voice.Elements().Single();
        style.Name.LocalName.Should().Be("express-as");
        style.Attribute("style")!.Value.Should().Be("cheerful");
        var prosody = style.Elements().Single();
        prosody.Attribute("rate")!.Value.Should().Be("+20%");
        prosody.Attribute("pitch")!.Value.Should().Be("-2st");
        prosody.Value.Should().Be("外滩 <亮灯> & 夜色");
        _fake.LastHeaders!["X-Microsoft-OutputFormat"].ToString().Should().Be("riff-24khz-16bit-mono-pcm");
        _fake.LastHeaders!["Ocp-Apim-Subscription-Key"].ToString().Should().Be(Key);
        var wav = WavAudio.Read(audio.ToArray());
        wav.SampleRate.Should().Be(24000);
        wav.Seconds.Should().BeApproximately(0.1 + (6 * 0.2) + (3 * 0.07), 0.01);
    }

    [Fact]
    public async Task Describe_ReadsTheRegionsVoicesWithTheirStyles()
    {
        var info = await Provider().DescribeAsync();

        info.Voices.Select(v => v.Name).Should().Equal("zh-CN-XiaoxiaoNeural", "zh-CN-YunxiNeural", "en-US-AvaNeural");
        info.FindVoice("zh-cn-xiaoxiaoneural")!.Styles.Should().Contain("cheerful");
        info.FindVoice("en-US-AvaNeural")!.Styles.Should().BeEmpty();
        info.DefaultVoiceFor("zh-CN").Should().Be("zh-CN-XiaoxiaoNeural");
        info.DefaultVoiceFor("en").Should().Be("en-US-AvaNeural");
        info.PricePerMillionCharacters.Should().Be(15m);
    }

    [Fact]
    public async Task Synthesize_TooManyRequests_WaitsTheRetryAfterAndSynthesisesOnce()
    {
        _fake.Faults.Add(Operation.Submit, Fault.TooManyRequests(1));
        using var audio = new MemoryStream();
        var clock = Stopwatch.StartNew();

        await Provider().SynthesizeAsync(new SpeechRequest("Hello.", "en-US", "en-US-AvaNeural"), audio);

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
        _fake.SubmitRequests.Should().Be(2);
        _fake.Syntheses.Should().Be(1);
        WavAudio.Read(audio.ToArray()).Seconds.Should().BeGreaterThan(0.3);
    }

    [Fact]
    public async Task Synthesize_WrongKey_IsRefusedWithWhatToCheck_AndNeverShowsTheKey()
    {
        var act = () => Provider(Options("wrong-key-value")).SynthesizeAsync(new SpeechRequest("Hello.", "en-US", "en-US-AvaNeural"), Stream.Null);

        var error = (await act.Should().ThrowAsync<ProviderCallException>()).Which;
        error.Failure.Should().Be(CallFailure.Rejected);
        error.Answer!.Status.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        error.Message.Should().Contain("check Speech:Azure:Key").And.NotContain("wrong-key-value");
        _kit.Logs.All.Should().NotContain("wrong-key-value");
        _fake.Requests.Should().ContainSingle("a 401 is not tried again");
    }

    [Fact]
    public async Task Synthesize_VoiceTheRegionLacks_IsRefusedOnce()
    {
        var act = () => Provider().SynthesizeAsync(new SpeechRequest("Hello.", "en-US", "en-US-NobodyNeural"), Stream.Null);

        var error = (await act.Should().ThrowAsync<ProviderCallException>()).Which;
        error.Failure.Should().Be(CallFailure.Rejected);
        error.Answer!.Status.Should().Be(System.Net.HttpStatusCode.BadRequest);
        error.Message.Should().Contain("en-US-NobodyNeural");
        _fake.Syntheses.Should().Be(0);
        _fake.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Synthesize_WithEntraId_SendsTheTokenForTheResource()
    {
        var options = Options();
        options.Key = null;
        options.UseEntraId = true;
        options.ResourceId = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a";

        await Provider(options).SynthesizeAsync(new SpeechRequest("Hi.", "en-US", "en-US-AvaNeural"), Stream.Null);

        _fake.LastHeaders!.Authorization.ToString().Should().Be($"Bearer aad#{options.ResourceId}#entra-token");
        _fake.LastHeaders!.ContainsKey("Ocp-Apim-Subscription-Key").Should().BeFalse();
    }

    [Fact]
    public async Task SpeakLine_SecondTime_SynthesisesNothing_AndCostsNothing()
    {
        var maker = new SpeechLineMaker(_kit.Store);
        var provider = Provider();
        var request = new SpeechRequest("黄昏的外滩。老建筑一栋栋亮起来。", "zh-CN", "zh-CN-XiaoxiaoNeural");

        var first = await maker.SpeakAsync(provider, request);
        var second = await maker.SpeakAsync(provider, request);

        _fake.Syntheses.Should().Be(2, "one request per sentence, and none the second time");
        first.Cached.Should().BeFalse();
        second.Cached.Should().BeTrue();
        second.Key.Should().Be(first.Key);
        first.Characters.Should().Be(16);
        first.Cost.Should().Be(16 * 15m / 1_000_000m);
        first.Sentences.Select(s => s.Text).Should().Equal("黄昏的外滩。", "老建筑一栋栋亮起来。");
        first.Sentences[0].Start.Should().Be(0);
        first.Sentences[1].Start.Should().Be(first.Sentences[0].End);
        first.Sentences[1].End.Should().BeApproximately(first.Seconds, 1e-9);
        // Each sentence measured from its own audio: the fake's 0.1 s + 0.2 s a CJK character.
        first.Sentences[0].End.Should().BeApproximately(0.1 + (5 * 0.2) + 0.07, 0.01);
        await using var kept = await _kit.Store.OpenReadAsync(StoreLayout.SpeechAudio(first.Key));
        using var copy = new MemoryStream();
        await kept.CopyToAsync(copy);
        WavAudio.Read(copy.ToArray()).Seconds.Should().BeApproximately(first.Seconds, 1e-6);

        var faster = await maker.SpeakAsync(provider, request with { Rate = 1.1 });
        faster.Cached.Should().BeFalse("another rate is another line");
        _fake.Syntheses.Should().Be(4);
    }

    private sealed class StaticToken(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

/// <summary>Settings of Azure AI Speech: the regional address, and a provider that can be made (and listed) before anything is configured.</summary>
public class AzureSpeechOptionsTests
{
    [Fact]
    public void ServiceUri_FollowsTheRegion_AndIsValidBeforeOneIsSet()
    {
        new AzureSpeechOptions { Region = "eastasia" }.ServiceUri.Should().Be(new Uri("https://eastasia.tts.speech.microsoft.com/"));
        new AzureSpeechOptions().ServiceUri.Host.Should().EndWith(".tts.speech.microsoft.com");
        new AzureSpeechOptions().IsConfigured.Should().BeFalse();
        new AzureSpeechOptions { Region = "eastasia", Key = "k" }.IsConfigured.Should().BeTrue();
    }
}
