using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudReel.Testing.Fakes;

/// <summary>
/// Azure AI Speech's text-to-speech REST API as documented: POST /cognitiveservices/v1 with SSML
/// (Content-Type application/ssml+xml, else 415), X-Microsoft-OutputFormat (required; RIFF PCM
/// formats answered with a WAV file), authorised by Ocp-Apim-Subscription-Key or "Authorization:
/// Bearer" (else 401 with no body); GET /cognitiveservices/voices/list. SSML is parsed as XML: a
/// &lt;speak&gt; with version and xml:lang holding a &lt;voice name&gt; the region has, else 400.
/// The audio is a tone whose length follows the text (0.2 s a CJK character, 0.07 s any other).
/// </summary>
public sealed class FakeAzureSpeech(string key = "speech-key", string? bearer = null) : FakeService
{
    private static readonly XNamespace Synthesis = "http://www.w3.org/2001/10/synthesis";

    private static readonly Dictionary<string, int> RiffFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["riff-16khz-16bit-mono-pcm"] = 16000,
        ["riff-24khz-16bit-mono-pcm"] = 24000,
        ["riff-48khz-16bit-mono-pcm"] = 48000,
    };

    private int _syntheses;

    /// <summary>The voices the region offers: short name, locale, styles.</summary>
    public List<(string ShortName, string Locale, string[] Styles)> Voices { get; } =
    [
        ("zh-CN-XiaoxiaoNeural", "zh-CN", ["cheerful", "sad", "narration-relaxed"]),
        ("zh-CN-YunxiNeural", "zh-CN", ["narration-relaxed"]),
        ("en-US-AvaNeural", "en-US", []),
    ];

    /// <summary>The SSML documents synthesised, in order.</summary>
    public ConcurrentQueue<string> Ssml { get; } = new();

    /// <summary>Successful syntheses (what would be billed).</summary>
    public int Syntheses => _syntheses;

    /// <summary>The headers of the last synthesis request.</summary>
    public IHeaderDictionary? LastHeaders { get; private set; }

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/cognitiveservices/voices/list", (Delegate)ListVoicesAsync);
        app.MapPost("/cognitiveservices/v1", (Delegate)SynthesizeAsync);
    }

    protected override IResult Error(int status, string code, string message) => Results.Text(message, "text/plain", statusCode: status);

    protected override IResult FaultAnswer(Fault fault) => fault.Kind switch
    {
        FaultKind.TooManyRequests => RetryAfter(Results.StatusCode(429), fault.Delay),
        _ => Results.StatusCode(fault.Status),
    };

    private async Task<IResult> ListVoicesAsync(HttpContext context) =>
        Authorized(context) ?? await ReadAsync(Operation.List, context, () => JsonAnswer(new JsonArray([.. Voices.Select(VoiceJson)])));

    private async Task<IResult> SynthesizeAsync(HttpContext context)
    {
        if (Authorized(context) is { } denied) return denied;
        LastHeaders = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
        if (context.Request.ContentType?.Split(';')[0].Trim() != "application/ssml+xml") return Results.StatusCode(415);
        if (!RiffFormats.TryGetValue(context.Request.Headers["X-Microsoft-OutputFormat"].ToString(), out var sampleRate))
        {
            return Error(400, "", "X-Microsoft-OutputFormat is missing or not a format this fake serves");
        }
        using var reader = new StreamReader(context.Request.Body);
        var ssml = await reader.ReadToEndAsync(context.RequestAborted);
        if (Problem(ssml) is { } problem) return Error(400, "", problem);
        return await SubmitAsync(context, () =>
        {
            Ssml.Enqueue(ssml);
            Interlocked.Increment(ref _syntheses);
            var text = XDocument.Parse(ssml).Root!.Value;
            return (null, Results.Bytes(FakeSpeechAudio.Tone(text, sampleRate), "audio/x-wav"));
        });
    }

    private string? Problem(string ssml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(ssml);
        }
        catch (XmlException error)
        {
            return "the SSML is not well-formed XML: " + error.Message;
        }
        var speak = document.Root!;
        if (speak.Name != Synthesis + "speak") return "the SSML's root is not <speak> in the synthesis namespace";
        if (speak.Attribute("version") is null || speak.Attribute(XNamespace.Xml + "lang") is null) return "<speak> needs version and xml:lang";
        var voices = speak.Elements(Synthesis + "voice").ToList();
        if (voices.Count == 0) return "the SSML names no <voice>";
        foreach (var voice in voices)
        {
            var name = voice.Attribute("name")?.Value;
            if (!Voices.Any(v => v.ShortName == name)) return $"unsupported voice {name}";
        }
        return null;
    }

    private IResult? Authorized(HttpContext context)
    {
        var headers = context.Request.Headers;
        var byKey = headers["Ocp-Apim-Subscription-Key"].ToString() == key;
        var byToken = bearer is not null && headers.Authorization.ToString() == "Bearer " + bearer;
        return byKey || byToken ? null : Results.StatusCode(401);
    }

    private static JsonNode VoiceJson((string ShortName, string Locale, string[] Styles) voice)
    {
        var json = new JsonObject
        {
            ["Name"] = $"Microsoft Server Speech Text to Speech Voice ({voice.Locale}, {voice.ShortName[(voice.Locale.Length + 1)..]})",
            ["DisplayName"] = voice.ShortName[(voice.Locale.Length + 1)..].Replace("Neural", "", StringComparison.Ordinal),
            ["ShortName"] = voice.ShortName,
            ["Gender"] = "Female",
            ["Locale"] = voice.Locale,
            ["SampleRateHertz"] = "24000",
            ["VoiceType"] = "Neural",
            ["Status"] = "GA",
            ["WordsPerMinute"] = "150",
        };
        if (voice.Styles.Length > 0) json["StyleList"] = new JsonArray([.. voice.Styles.Select(s => (JsonNode)s)]);
        return json;
    }
}
