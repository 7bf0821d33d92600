using System.Text.Json.Nodes;
using CloudReel.Core.Speech;
using CloudReel.Models.Configuration;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.OpenAISpeech;

/// <summary>
/// Any service with OpenAI's speech route: POST <c>{BaseUrl}/v1/audio/speech</c> with JSON
/// <c>{model, input, voice, response_format: "wav", speed}</c> and a Bearer key, answered with the
/// audio. There are no word timings and no route that lists voices: lines are spoken a sentence at a
/// time (as with Azure) and the voices are the configured ones. Calls go through the video services'
/// Polly pipeline: a synthesis is tried again only when the service certainly did not take it.
/// Pitch and style have no field in this API and are not sent.
/// </summary>
public sealed class OpenAISpeechProvider(OpenAISpeechOptions options, ProviderHttp http) : ISpeechProvider
{
    public string Name => SpeechProviders.OpenAiCompatible;

    public string Version => $"openai-v1;{options.Model};wav";

    public bool IsConfigured => options.IsConfigured;

    public string? SetupHint => "set Speech:OpenAI:Key (and Speech:OpenAI:BaseUrl for a service other than OpenAI's)";

    public Task<SpeechProviderInfo> DescribeAsync(CancellationToken cancellationToken = default) => Task.FromResult(new SpeechProviderInfo
    {
        Name = Name,
        Voices = options.Voices
            .SelectMany(language => language.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(voice => new SpeechVoice(voice, language.Key)))
            .ToList(),
        DefaultVoices = options.DefaultVoices,
        PricePerMillionCharacters = options.PricePerMillionCharacters,
        Currency = options.Currency,
    });

    public async Task SynthesizeAsync(SpeechRequest request, Stream destination, CancellationToken cancellationToken = default)
    {
        var body = Body(options.Model, request);
        await http.SendAsync(CallKind.Submit, "openai-compatible speech", () =>
            new HttpRequestMessage(HttpMethod.Post, new Uri(options.ServiceUri, "v1/audio/speech")) { Content = Json.Body(body) },
            async (response, ct) =>
            {
                await response.Content.CopyToAsync(destination, ct);
                return true;
            }, cancellationToken);
    }

    /// <summary>The request body: the rate becomes 'speed', within the 0.25–4 the API accepts.</summary>
    public static string Body(string model, SpeechRequest request) => new JsonObject
    {
        ["model"] = model,
        ["input"] = request.Text,
        ["voice"] = request.Voice,
        ["response_format"] = "wav",
        ["speed"] = JsonValue.Create(Math.Round(Math.Clamp(request.Rate, 0.25, 4.0), 3)),
    }.ToJsonString();
}
