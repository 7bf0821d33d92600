using CloudReel.Core.Speech;

namespace CloudReel.Api.Tests.Support;

/// <summary>The voice lists the test API holds orders to: espeak with 'cmn' and 'en-us'.</summary>
internal static class TestVoices
{
    public static SpeechChoices Choices { get; } = new(
        SpeechProviders.Espeak,
        new Dictionary<string, SpeechProviderInfo>
        {
            [SpeechProviders.Espeak] = new()
            {
                Name = SpeechProviders.Espeak,
                Voices = [new("cmn", "cmn"), new("en-us", "en-US"), new("en-gb", "en-GB")],
                DefaultVoices = new Dictionary<string, string> { ["zh"] = "cmn", ["en"] = "en-us" },
            },
        },
        new Dictionary<string, string> { [SpeechProviders.AzureSpeech] = "set Speech:Azure:Region and Speech:Azure:Key" });
}
