using CloudReel.Core.Orders;
using CloudReel.Core.Speech;
using CloudReel.Core.Tests.Orders;

namespace CloudReel.Core.Tests.Voices;

/// <summary>The voice lists validation holds orders to: asked once per process, asked only for orders that speak, and a provider that cannot list its voices blocks no film.</summary>
public class SpeechCatalogChoicesTests
{
    private const string Spoken = """
        title: Pier
        languages: [zh-CN]
        shots:
          - {id: pier, prompt: The pier, seconds: 4, narration: 清晨的码头。}
        """;

    private const string Named = """
        title: Pier
        languages: [zh-CN]
        voice:
          voices: {zh-CN: zh-CN-Narrator}
        shots:
          - {id: pier, prompt: The pier, seconds: 4, narration: 清晨的码头。}
        """;

    private readonly Clock _clock = new();

    private OrderLoader Loader(ISpeechChoices speech) => new(new FakeOrderFiles(), OrderTestKit.Models, speech: speech);

    [Fact]
    public async Task Validate_AThousandSpokenOrders_AsksTheProviderForItsVoicesOnce()
    {
        var provider = new ListingProvider();
        var catalog = new SpeechCatalog([provider], SpeechProviders.AzureSpeech, _clock);

        for (var i = 0; i < 1000; i++) (await Loader(catalog).LoadAsync(Spoken, $"row-{i}.yaml")).IsValid.Should().BeTrue();

        provider.Described.Should().Be(1);
    }

    [Fact]
    public async Task Validate_SilentOrder_NeverAsksForVoices()
    {
        var provider = new ListingProvider();

        var result = await Loader(new SpeechCatalog([provider], SpeechProviders.AzureSpeech, _clock)).LoadAsync("title: T\nshots:\n  - {id: a, prompt: A, seconds: 4}\n", "o.yaml");

        result.IsValid.Should().BeTrue(string.Join("\n", result.Errors));
        provider.Described.Should().Be(0);
    }

    [Fact]
    public async Task Validate_UnknownVoice_IsRefusedAtItsLineWithDidYouMean()
    {
        var result = await Loader(new SpeechCatalog([new ListingProvider()], SpeechProviders.AzureSpeech, _clock)).LoadAsync(Named.Replace("zh-CN-Narrator", "zh-CN-Narator", StringComparison.Ordinal), "o.yaml");

        var error = result.Errors.Should().ContainSingle().Which;
        (error.Field, error.Line, error.Column).Should().Be(("voice.voices.zh-CN", 4, 19));
        error.Message.Should().Contain("azure-speech has no voice 'zh-CN-Narator'").And.Contain("did you mean 'zh-CN-Narrator'");
    }

    [Fact]
    public async Task Validate_ProviderCannotListItsVoices_PassesDefaultAndNamedVoices_AndAsksAgainAMinuteLater()
    {
        var provider = new ListingProvider { Failing = true };
        var catalog = new SpeechCatalog([provider], SpeechProviders.AzureSpeech, _clock);

        (await Loader(catalog).LoadAsync(Spoken, "a.yaml")).IsValid.Should().BeTrue("the provider's default voice needs no list");
        (await Loader(catalog).LoadAsync(Named, "b.yaml")).IsValid.Should().BeTrue("the speak step, before any shot is made, refuses a voice the service lacks");
        (await catalog.ChoicesAsync()).Providers[SpeechProviders.AzureSpeech].Unlisted.Should().Contain("could not list its voices").And.Contain("service unavailable");
        provider.Described.Should().Be(1, "a failure is remembered for a minute, not asked again for every row");

        provider.Failing = false;
        _clock.Now += SpeechCatalog.AskAgainAfterFailure;
        var bad = await Loader(catalog).LoadAsync(Named.Replace("zh-CN-Narrator", "nobody", StringComparison.Ordinal), "c.yaml");

        provider.Described.Should().Be(2);
        bad.Errors.Should().ContainSingle().Which.Field.Should().Be("voice.voices.zh-CN");
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class ListingProvider : ISpeechProvider
    {
        public int Described { get; private set; }

        public bool Failing { get; set; }

        public string Name => SpeechProviders.AzureSpeech;

        public string Version => "1";

        public bool IsConfigured => true;

        public Task<SpeechProviderInfo> DescribeAsync(CancellationToken cancellationToken = default)
        {
            Described++;
            if (Failing) throw new HttpRequestException("service unavailable");
            return Task.FromResult(new SpeechProviderInfo
            {
                Name = Name,
                Voices = [new("zh-CN-Narrator", "zh-CN"), new("zh-CN-Mei", "zh-CN")],
                DefaultVoices = new Dictionary<string, string> { ["zh-CN"] = "zh-CN-Narrator" },
            });
        }

        public Task SynthesizeAsync(SpeechRequest request, Stream destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
