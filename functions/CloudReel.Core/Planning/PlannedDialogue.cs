using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Text;
using CloudReel.Core.Speech;

namespace CloudReel.Core.Planning;

/// <summary>
/// A screenplay's dialogue as the characters' lines: each line under the character who says it, its
/// text put under the order's languages by script (as captions are). Only for an order that speaks:
/// one with a 'voice' section or a character with a voice; other films stay silent as before.
/// </summary>
internal static class PlannedDialogue
{
    public static bool Wanted(FilmOrder order) =>
        order.Voice != VoiceSpec.Default || order.Characters.Any(c => c.Voice is not null || c.Voices.Count > 0);

    public static IReadOnlyList<DialogueLine> For(DraftShot draft, IReadOnlyList<CastMember> cast, IReadOnlyList<string> languages)
    {
        var lines = new List<DialogueLine>();
        foreach (var line in draft.Lines)
        {
            if (PlannedCast.Named(line.Speaker, cast) is not { } character) continue;
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (run, script) in ScriptRuns.Split(line.Text))
            {
                if (script == TextScript.None || CaptionAssigner.LanguageFor(run, script, languages) is not { } language) continue;
                texts[language] = Whitespace.Join(texts.GetValueOrDefault(language, ""), Whitespace.Collapse(run));
            }
            if (texts.Count > 0) lines.Add(new DialogueLine(character.Id, texts));
        }
        return lines;
    }

    /// <summary>How long the lines take to say in the film's spoken language, with the padding around them; 0 for none.</summary>
    public static double SpeakingSeconds(IReadOnlyList<DialogueLine> lines, FilmOrder order)
    {
        if (lines.Count == 0 || order.Voice.SpokenLanguage(order.Languages) is not { } spoken) return 0;
        var texts = lines.Select(l => l.Text.GetValueOrDefault(spoken)).OfType<string>().ToList();
        return texts.Count == 0 ? 0 : texts.Sum(t => SpeechEstimate.Seconds(t, order.Voice.Rate)) + SpeechEstimate.PaddingSeconds;
    }
}
