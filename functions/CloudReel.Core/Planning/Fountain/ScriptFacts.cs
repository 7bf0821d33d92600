using CloudReel.Core.Planning.Briefs;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning.Fountain;

/// <summary>
/// What a screenplay says about the film itself: the title page's title, a length and a look from
/// its title page ("Notes: A 40-second short", "Style: …") or synopses, and the languages its
/// dialogue is written in.
/// </summary>
internal static class ScriptFacts
{
    private static readonly string[] LengthKeys = ["duration", "length", "runtime", "run time", "running time", "时长", "片长"];
    private static readonly string[] StyleKeys = ["style", "look", "visual style", "风格", "画风"];
    private static readonly string[] NoteKeys = ["notes", "note", "synopsis", "logline", "format", "description", "备注", "简介"];

    public static FilmFacts Read(FountainDocument script)
    {
        double? seconds = null;
        string? style = null;
        foreach (var (key, value) in script.TitlePage)
        {
            var name = key.Trim().ToLowerInvariant();
            if (LengthKeys.Contains(name)) seconds ??= LengthPhrases.Find(value, clock: true);
            else if (StyleKeys.Contains(name)) style ??= StylePhrases.FromValue(value);
            else if (NoteKeys.Contains(name)) (seconds, style) = FromProse(value, seconds, style);
        }
        foreach (var element in script.Elements.Where(e => e.Kind is FountainElementKind.Synopsis or FountainElementKind.Section))
        {
            (seconds, style) = FromProse(element.Text, seconds, style);
        }

        var title = script.TitleValue("Title") is { } written ? Whitespace.Collapse(written) : null;
        return new FilmFacts(string.IsNullOrEmpty(title) ? null : title, seconds, style, Languages(script));
    }

    private static (double? Seconds, string? Style) FromProse(string text, double? seconds, string? style)
    {
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            if (BriefCues.NamesTheFilm(sentence)) seconds ??= LengthPhrases.Find(sentence);
            style ??= StylePhrases.Find(sentence);
        }
        return (seconds, style);
    }

    /// <summary>The languages of the dialogue, in the order they first speak.</summary>
    private static IReadOnlyList<string> Languages(FountainDocument script) =>
        script.Elements.Where(e => e.Kind == FountainElementKind.Dialogue)
            .SelectMany(e => ScriptRuns.Split(ScriptDialogue.Clean(e.Text)))
            .Select(r => TextLanguage.Of(r.Text))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(4)
            .ToList();
}
