using System.Security.Cryptography;
using System.Text;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Text;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Speech;

/// <summary>
/// Speaks a film's shots: each shot's narration, then its dialogue lines in their characters' voices,
/// each line through <see cref="SpeechLineMaker"/> (so an unchanged line costs nothing), joined
/// after a short lead-in with a pause between lines into the shot's voice-over. Captions follow the
/// spoken sentences; another language's text for a line is cut on the same boundaries when it has as
/// many sentences, and otherwise spans the line.
/// </summary>
public sealed class ShotSpeech(IClipStore store, ISpeechCatalog catalog, SpeechLineMaker lines)
{
    /// <summary>Silence before the first word, so speech never starts on a cut.</summary>
    public const double LeadSeconds = 0.25;

    /// <summary>Silence between two lines of one shot.</summary>
    public const double GapSeconds = 0.3;

    public async Task<SpokenFilm> SpeakAsync(FilmOrder order, CancellationToken cancellationToken)
    {
        var speaking = order.Shots.Where(s => s.Speaks).ToList();
        if (speaking.Count == 0 || order.Voice.SpokenLanguage(order.Languages) is not { } spoken) return new SpokenFilm();
        var name = order.Voice.Provider ?? catalog.DefaultProvider;
        var provider = catalog.Find(name) ?? throw new InvalidOperationException($"speech provider '{name}' is not known here");
        if (!provider.IsConfigured) throw new InvalidOperationException($"speech provider '{name}' is not configured here: {provider.SetupHint}");
        var info = await provider.DescribeAsync(cancellationToken);
        var narrator = order.Voice.VoicesByLanguage.GetValueOrDefault(spoken) ?? info.DefaultVoiceFor(spoken)
            ?? throw new InvalidOperationException($"{name} has no voice for '{spoken}': name one in 'voice.voices'");

        var shots = new List<SpokenShot>();
        var film = new SpokenFilm { Provider = name, Currency = info.Currency };
        foreach (var shot in speaking)
        {
            var said = new List<(SpokenLine Line, IReadOnlyDictionary<string, string> Texts)>();
            foreach (var (voice, texts, style) in Lines(order, shot, narrator))
            {
                if (!texts.TryGetValue(spoken, out var text)) continue;
                var request = new SpeechRequest(text, spoken, voice, order.Voice.Rate, order.Voice.Pitch, style);
                var line = await lines.SpeakAsync(provider, request, cancellationToken);
                said.Add((line, texts));
                film = film with
                {
                    LinesSynthesised = film.LinesSynthesised + (line.Cached ? 0 : 1),
                    LinesCached = film.LinesCached + (line.Cached ? 1 : 0),
                    Characters = film.Characters + (line.Cached ? 0 : line.Characters),
                    Cost = film.Cost + (line.Cached ? 0 : line.Cost),
                };
            }
            if (said.Count > 0) shots.Add(await JoinAsync(shot.Id, said, spoken, cancellationToken));
        }
        return film with { Shots = shots };
    }

    /// <summary>The narration in the narrator's voice (with the order's style), then each line in its character's voice.</summary>
    private static IEnumerable<(string Voice, IReadOnlyDictionary<string, string> Texts, string? Style)> Lines(FilmOrder order, ShotSpec shot, string narrator)
    {
        var spoken = order.Voice.SpokenLanguage(order.Languages)!;
        if (shot.Narration.Count > 0) yield return (narrator, shot.Narration, order.Voice.Style);
        foreach (var line in shot.Dialogue)
        {
            var character = order.Characters.FirstOrDefault(c => c.Id == line.Character);
            yield return (character?.VoiceFor(spoken) ?? narrator, line.Text, null);
        }
    }

    private async Task<SpokenShot> JoinAsync(string shotId, List<(SpokenLine Line, IReadOnlyDictionary<string, string> Texts)> said, string spoken, CancellationToken cancellationToken)
    {
        var parts = new List<WavAudio>();
        foreach (var (line, _) in said)
        {
            await using var stream = await store.OpenReadAsync(line.Audio, cancellationToken);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            parts.Add(WavAudio.Read(copy.ToArray()));
        }
        var format = parts[0];
        var captions = new List<SpokenCaption>();
        var pieces = new List<WavAudio> { Silence(format, LeadSeconds) };
        var at = LeadSeconds;
        for (var i = 0; i < said.Count; i++)
        {
            if (i > 0)
            {
                pieces.Add(Silence(format, GapSeconds));
                at += GapSeconds;
            }
            captions.AddRange(Captions(said[i].Line, said[i].Texts, spoken, at));
            pieces.Add(parts[i]);
            at += parts[i].Seconds;
        }
        var joined = WavAudio.Join(pieces);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            "cloudreel.shot-speech.v1\n" + string.Join("\n", said.Select(s => s.Line.Key)) + $"\nlead={LeadSeconds};gap={GapSeconds}"))).ToLowerInvariant();
        var name = StoreLayout.SpeechAudio(key);
        if (!await store.ExistsAsync(name, cancellationToken))
        {
            using var content = new MemoryStream(joined.ToFile());
            await store.PutAsync(name, content, ContentTypes.Of(name), overwrite: false, cancellationToken);
        }
        return new SpokenShot(shotId, name, joined.Seconds, captions);
    }

    /// <summary>
    /// A cue per spoken sentence, several where a sentence is too wide for one caption (<see cref="CaptionCuts"/>);
    /// another language's text on the same cues: each sentence over its spoken sentence's cues when it has
    /// as many sentences, else the whole text over all of the line's cues.
    /// </summary>
    private static IEnumerable<SpokenCaption> Captions(SpokenLine line, IReadOnlyDictionary<string, string> texts, string spoken, double offset)
    {
        var cues = line.Sentences.Select(sentence =>
        {
            var pieces = CaptionCuts.Cut(sentence.Text);
            return pieces.Zip(CaptionCuts.Spans(pieces, offset + sentence.Start, offset + sentence.End), (text, span) => (text, span.Start, span.End)).ToList();
        }).ToList();
        foreach (var cue in cues.SelectMany(c => c)) yield return new SpokenCaption(spoken, cue.Start, cue.End, cue.text);
        if (cues.Count == 0) yield break;
        foreach (var (language, text) in texts.Where(t => t.Key != spoken))
        {
            var own = SentenceSplitter.Split(text).Where(s => s.Trim().Length > 0).ToList();
            var groups = own.Count == cues.Count ? own.Zip(cues).ToList() : [(text, cues.SelectMany(c => c).ToList())];
            foreach (var (ownText, itsCues) in groups)
            {
                var shared = CaptionCuts.Share(ownText, itsCues.Select(c => c.End - c.Start).ToList());
                for (var i = 0; i < itsCues.Count; i++)
                {
                    if (shared[i].Length > 0) yield return new SpokenCaption(language, itsCues[i].Start, itsCues[i].End, shared[i]);
                }
            }
        }
    }

    private static WavAudio Silence(WavAudio format, double seconds) =>
        format with { Samples = new byte[(int)Math.Round(seconds * format.SampleRate) * format.BytesPerFrame] };
}
