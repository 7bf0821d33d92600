using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Testing.Fakes;

/// <summary>
/// OpenAI's speech route as documented: POST /v1/audio/speech, "Authorization: Bearer &lt;key&gt;"
/// (else 401 with an 'invalid_api_key' error naming part of the key, as OpenAI's does), a JSON body
/// with model, input (1–4096 characters), voice (a built-in one), response_format (mp3, opus, aac,
/// flac, wav or pcm; this fake serves wav) and speed (0.25–4); a bad value is a 400
/// <c>{"error":{message,type,param,code}}</c>. The answer is the audio: a tone whose length follows the text.
/// </summary>
public sealed class FakeOpenAISpeech(string key = "sk-test-speech-key") : FakeService
{
    private static readonly string[] Formats = ["mp3", "opus", "aac", "flac", "wav", "pcm"];

    private int _syntheses;

    public List<string> Voices { get; } = ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar"];

    /// <summary>The JSON bodies synthesised, in order.</summary>
    public ConcurrentQueue<JsonObject> Bodies { get; } = new();

    /// <summary>Successful syntheses (what would be billed).</summary>
    public int Syntheses => _syntheses;

    protected override void Map(IEndpointRouteBuilder app) => app.MapPost("/v1/audio/speech", (Delegate)SpeakAsync);

    protected override IResult Error(int status, string code, string message) => JsonAnswer(new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = null, ["code"] = code },
    }, status);

    protected override IResult FaultAnswer(Fault fault) => fault.Kind switch
    {
        FaultKind.TooManyRequests => RetryAfter(Error(429, "rate_limit_exceeded", "Rate limit reached for requests"), fault.Delay),
        FaultKind.QuotaExhausted => Error(429, "insufficient_quota", "You exceeded your current quota"),
        _ => Error(fault.Status, "server_error", "The server had an error while processing your request."),
    };

    private async Task<IResult> SpeakAsync(HttpContext context)
    {
        var given = context.Request.Headers.Authorization.ToString();
        if (given != "Bearer " + key)
        {
            var shown = given.Length > 14 ? given[7..12] + "***" + given[^4..] : "";
            return Error(401, "invalid_api_key", $"Incorrect API key provided: {shown}. You can find your API key at https://platform.openai.com/account/api-keys.");
        }
        if (await BodyAsync(context) is not JsonObject body) return Error(400, "invalid_json", "We could not parse the JSON body of your request.");
        if (Problem(body) is { } problem) return Error(400, problem.Code, problem.Message);
        return await SubmitAsync(context, () =>
        {
            Bodies.Enqueue(body);
            Interlocked.Increment(ref _syntheses);
            return (null, Results.Bytes(FakeSpeechAudio.Tone(body["input"]!.GetValue<string>(), 24000), "audio/wav"));
        });
    }

    private (string Code, string Message)? Problem(JsonObject body)
    {
        if (body["model"] is not JsonValue model || string.IsNullOrEmpty(model.GetValue<string>())) return ("missing_required_parameter", "you must provide a model parameter");
        if (body["input"] is not JsonValue input || input.GetValue<string>() is not { Length: > 0 and <= 4096 }) return ("invalid_value", "input must be 1 to 4096 characters");
        var voice = (body["voice"] as JsonValue)?.GetValue<string>();
        if (voice is null || !Voices.Contains(voice)) return ("invalid_value", $"Invalid value: '{voice}'. Supported values are: {string.Join(", ", Voices.Select(v => $"'{v}'"))}.");
        var format = (body["response_format"] as JsonValue)?.GetValue<string>() ?? "mp3";
        if (!Formats.Contains(format)) return ("invalid_value", $"Invalid value: '{format}'. Supported values are: {string.Join(", ", Formats)}.");
        if (format != "wav") return ("unsupported_by_fake", "this fake answers wav only");
        var speed = (body["speed"] as JsonValue)?.GetValue<double>() ?? 1;
        return speed is < 0.25 or > 4 ? ("invalid_value", $"speed must be between 0.25 and 4, got {speed}") : null;
    }
}
