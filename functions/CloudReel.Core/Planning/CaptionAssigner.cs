using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning;

/// <summary>
/// Puts each shot's caption texts under the order's languages: text that mixes scripts is split into
/// runs, and each run goes under its own language, or the first of its script. Captions are cut to the width
/// limit; notes tell which languages stayed empty and which texts found no language.
/// </summary>
internal static class CaptionAssigner
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Assign(
        IReadOnlyList<DraftShot> drafts, IReadOnlyList<string> ids, IReadOnlyList<string> languages, PlanSource source, List<string> notes)
    {
        var result = new List<IReadOnlyDictionary<string, string>>();
        if (languages.Count == 0)
        {
            result.AddRange(drafts.Select(_ => new Dictionary<string, string>()));
            return result;
        }

        var missing = languages.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(l => l, _ => new List<string>(), StringComparer.OrdinalIgnoreCase);
        var homeless = new Dictionary<TextScript, List<string>> { [TextScript.Cjk] = [], [TextScript.Latin] = [] };
        var shortened = new List<string>();

        for (var i = 0; i < drafts.Count; i++)
        {
            var parts = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (run, script) in drafts[i].CaptionTexts.SelectMany(ScriptRuns.Split))
            {
                if (script == TextScript.None) continue;
                if (LanguageFor(run, script, languages) is not { } language)
                {
                    if (!homeless[script].Contains(ids[i])) homeless[script].Add(ids[i]);
                    continue;
                }
                if (!parts.TryGetValue(language, out var list)) parts[language] = list = [];
                list.Add(run);
            }

            var captions = new Dictionary<string, string>();
            foreach (var language in languages.Where(parts.ContainsKey))
            {
                var full = parts[language].Aggregate("", (joined, part) => Whitespace.Join(joined, Whitespace.Collapse(part)));
                var fitted = ClauseCutter.FitCaption(full);
                if (fitted != full) shortened.Add($"{ids[i]} ({language})");
                captions[language] = fitted;
            }
            foreach (var language in missing.Keys.Where(l => !captions.ContainsKey(l))) missing[language].Add(ids[i]);
            result.Add(captions);
        }

        AddNotes(missing, homeless, shortened, drafts.Count, languages, source, notes);
        return result;
    }

    /// <summary>
    /// The order language a run of caption text goes under: the one of its own language when the
    /// order has it, else the first of its script (CJK text under the first zh/ja/ko language,
    /// Latin text under the first other one).
    /// </summary>
    internal static string? LanguageFor(string run, TextScript script, IReadOnlyList<string> languages)
    {
        if (TextLanguage.Of(run) is { } own && languages.FirstOrDefault(l => TextLanguage.Primary(l) == TextLanguage.Primary(own)) is { } same) return same;
        return script == TextScript.Cjk ? languages.FirstOrDefault(IsCjkLanguage) : languages.FirstOrDefault(l => !IsCjkLanguage(l));
    }

    public static bool IsCjkLanguage(string tag) =>
        tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("ja", StringComparison.OrdinalIgnoreCase)
        || tag.StartsWith("ko", StringComparison.OrdinalIgnoreCase);

    private static void AddNotes(
        Dictionary<string, List<string>> missing, Dictionary<TextScript, List<string>> homeless, List<string> shortened,
        int shotCount, IReadOnlyList<string> languages, PlanSource source, List<string> notes)
    {
        foreach (var (language, shots) in missing.Where(m => m.Value.Count > 0))
        {
            var what = LanguageName(language);
            if (shots.Count == shotCount) notes.Add($"captions for '{language}' left empty: the {Name(source)} has no {what} {TextWord(source)}");
            // In a script only some shots have dialogue; a silent shot is no news.
            else if (source == PlanSource.Brief) notes.Add($"captions for '{language}' left empty in shots {ShotList(shots)}: no {what} text there");
        }
        foreach (var (script, shots) in homeless.Where(h => h.Value.Count > 0))
        {
            var what = script == TextScript.Cjk ? "CJK" : "Latin-script";
            notes.Add($"{what} text in shots {ShotList(shots)} left out of captions: no order language takes it (languages: {string.Join(", ", languages)})");
        }
        if (shortened.Count > 0)
        {
            notes.Add($"captions shortened to fit {ClauseCutter.CaptionWidth} columns: {ShotList(shortened)}");
        }
    }

    private static string TextWord(PlanSource source) => source == PlanSource.Script ? "dialogue" : "text";

    private static string Name(PlanSource source) => source.ToString().ToLowerInvariant();

    private static string LanguageName(string tag) => tag.ToLowerInvariant() switch
    {
        var t when t.StartsWith("en", StringComparison.Ordinal) => "English",
        var t when t.StartsWith("zh", StringComparison.Ordinal) => "Chinese",
        var t when t.StartsWith("ja", StringComparison.Ordinal) => "Japanese",
        var t when t.StartsWith("ko", StringComparison.Ordinal) => "Korean",
        var t when IsCjkLanguage(t) => "CJK",
        _ => $"'{tag}'",
    };

    /// <summary>"s01, s02, s03" or "s01, s02, s03, s04, s05 and 7 more".</summary>
    public static string ShotList(IReadOnlyList<string> items) =>
        items.Count <= 6 ? string.Join(", ", items) : $"{string.Join(", ", items.Take(5))} and {items.Count - 5} more";
}
