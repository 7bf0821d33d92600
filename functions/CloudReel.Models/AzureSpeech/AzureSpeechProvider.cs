using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CloudReel.Core.Speech;
using CloudReel.Models.Configuration;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.AzureSpeech;

/// <summary>
/// Azure AI Speech over its REST API: SSML posted to <c>/cognitiveservices/v1</c> with the output
/// format in X-Microsoft-OutputFormat, the voices from <c>/cognitiveservices/voices/list</c> (asked
/// once per process). Calls go through the same Polly pipeline as the video services: a synthesis
/// is retried only when the service certainly did not take it (429 with its Retry-After, 503).
/// </summary>
public sealed class AzureSpeechProvider(AzureSpeechOptions options, ProviderHttp http) : ISpeechProvider
{
    private readonly Lock _gate = new();
    private Task<SpeechProviderInfo>? _info;

    public string Name => SpeechProviders.AzureSpeech;

    public string Version => "rest-v1;" + options.OutputFormat;

    public bool IsConfigured => options.IsConfigured;

    public string? SetupHint => "set Speech:Azure:Region and Speech:Azure:Key (or Speech:Azure:UseEntraId)";

    /// <summary>The voices the region offers, asked once per process (asked again after a failure).</summary>
    public Task<SpeechProviderInfo> DescribeAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return _info ??= DescribeOnceAsync();
    }

    private async Task<SpeechProviderInfo> DescribeOnceAsync()
    {
        try
        {
            var voices = await http.SendAsync(CallKind.Query, "azure-speech voices",
                () => new HttpRequestMessage(HttpMethod.Get, new Uri(options.ServiceUri, "cognitiveservices/voices/list")),
                async (response, ct) => ReadVoices(await Json.ReadAsync(response, ct)), CancellationToken.None);
            return new SpeechProviderInfo
            {
                Name = Name,
                Voices = voices,
                DefaultVoices = options.DefaultVoices,
                PricePerMillionCharacters = options.PricePerMillionCharacters,
                Currency = options.Currency,
            };
        }
        catch
        {
            lock (_gate) _info = null;
            throw;
        }
    }

    public async Task SynthesizeAsync(SpeechRequest request, Stream destination, CancellationToken cancellationToken = default)
    {
        var ssml = Ssml.For(request);
        await http.SendAsync(CallKind.Submit, "azure-speech synthesis", () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ServiceUri, "cognitiveservices/v1"))
            {
                Content = new StringContent(ssml, Encoding.UTF8, "application/ssml+xml"),
            };
            // The service wants the bare media type, without a charset.
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ssml+xml");
            message.Headers.Add("X-Microsoft-OutputFormat", options.OutputFormat);
            message.Headers.UserAgent.ParseAdd("CloudReel");
            return message;
        }, async (response, ct) =>
        {
            await response.Content.CopyToAsync(destination, ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The voices list: ShortName (what SSML names), Locale, StyleList where the voice has styles.</summary>
    private static List<SpeechVoice> ReadVoices(JsonNode json) => (json as JsonArray ?? throw new FormatException("the voices list is not a JSON array"))
        .Select(voice => new SpeechVoice(
            Json.RequireText(voice, "ShortName"),
            Json.RequireText(voice, "Locale"),
            Json.Array(voice, "StyleList")?.Select(s => s?.GetValue<string>()).OfType<string>().ToList() ?? []))
        .ToList();
}
