using CloudReel.Core.Planning.Text;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Speech;

/// <summary>
/// Speaks a line once: under its content key the clip store keeps its audio and its record, so an
/// unchanged line is read back, never synthesised or paid for again. A new line is synthesised a
/// sentence at a time, so each sentence's start and end are measured to the sample (the REST
/// services give no word timings), then joined into one WAV file.
/// </summary>
public sealed class SpeechLineMaker(IClipStore store)
{
    public async Task<SpokenLine> SpeakAsync(ISpeechProvider provider, SpeechRequest request, CancellationToken cancellationToken = default)
    {
        var key = SpeechKey.For(provider.Name, provider.Version, request);
        var recordName = StoreLayout.SpeechRecord(key);
        if (await store.ExistsAsync(recordName, cancellationToken) && await store.ExistsAsync(StoreLayout.SpeechAudio(key), cancellationToken))
        {
            var kept = WorkflowJson.Deserialize<SpokenLine>(await store.ReadTextAsync(recordName, cancellationToken));
            if (kept is not null) return kept with { Cached = true };
        }

        var sentences = SentenceSplitter.Split(request.Text).Where(s => s.Length > 0).ToList();
        if (sentences.Count == 0) sentences = [request.Text];
        var parts = new List<WavAudio>();
        var timed = new List<SpokenSentence>();
        var at = 0.0;
        foreach (var sentence in sentences)
        {
            using var audio = new MemoryStream();
            await provider.SynthesizeAsync(request with { Text = sentence }, audio, cancellationToken);
            var part = WavAudio.Read(audio.ToArray());
            parts.Add(part);
            timed.Add(new SpokenSentence(sentence, at, at + part.Seconds));
            at += part.Seconds;
        }
        var joined = WavAudio.Join(parts);

        var info = await provider.DescribeAsync(cancellationToken);
        var characters = sentences.Sum(s => s.Length);
        var line = new SpokenLine
        {
            Key = key,
            Audio = StoreLayout.SpeechAudio(key),
            Provider = provider.Name,
            Voice = request.Voice,
            Language = request.Language,
            Seconds = joined.Seconds,
            Sentences = timed,
            Characters = characters,
            Cost = decimal.Round(characters * info.PricePerMillionCharacters / 1_000_000m, 6),
            Currency = info.Currency,
        };
        using (var wav = new MemoryStream(joined.ToFile()))
        {
            await store.PutAsync(line.Audio, wav, ContentTypes.Of(line.Audio), overwrite: false, cancellationToken);
        }
        await store.PutTextAsync(recordName, WorkflowJson.Serialize(line), ContentTypes.Of(recordName), overwrite: true, cancellationToken);
        return line;
    }
}
