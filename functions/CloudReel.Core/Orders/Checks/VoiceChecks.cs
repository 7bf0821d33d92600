using System.Globalization;
using CloudReel.Core.Speech;

namespace CloudReel.Core.Orders;

/// <summary>
/// Rules of the spoken film: narration and dialogue in the order's languages, by known characters,
/// with a voice for the spoken language that the provider has, and short enough for their shots at
/// the rate asked for. Without <see cref="SpeechChoices"/> the provider's voices are not checked.
/// </summary>
internal static class VoiceChecks
{
    public static void Run(CheckContext context, SpeechChoices? speech)
    {
        var order = context.Order;
        var languagesKnown = !context.Index.IsRejected("languages");
        for (var i = 0; i < order.Shots.Count; i++) CheckShotTexts(context, i, languagesKnown);
        if (!context.Index.IsRejected("voice"))
        {
            var speaks = order.Voice.SpokenLanguage(order.Languages);
            for (var i = 0; i < order.Shots.Count; i++) CheckAutoSeconds(context, i, speaks);
        }
        var speaking = order.Shots.Select((s, i) => (Shot: s, Index: i)).Where(s => s.Shot.Speaks).ToList();
        if (speaking.Count == 0 || context.Index.IsRejected("voice")) return;

        var spoken = order.Voice.SpokenLanguage(order.Languages);
        if (spoken is null)
        {
            if (languagesKnown) context.Report(CheckContext.ShotPath(speaking[0].Index, speaking[0].Shot.Narration.Count > 0 ? "narration" : "dialogue"),
                "the film speaks, but the order has no 'languages' to speak in; add e.g. 'languages: [zh-CN, en]'", atKey: true);
            return;
        }
        if (order.Voice.Language is { } language && languagesKnown && !order.Languages.Contains(language))
        {
            context.Report("voice.language", $"'{language}' is not one of the order's languages ({string.Join(", ", order.Languages)}){Suggestions.Hint(language, order.Languages)}");
            return;
        }
        foreach (var (shot, index) in speaking)
        {
            CheckSpokenLanguagePresent(context, shot, index, spoken);
            CheckLength(context, shot, index, spoken);
        }
        if (speech is not null) CheckVoices(context, speech, spoken);
    }

    private static void CheckShotTexts(CheckContext context, int index, bool languagesKnown)
    {
        var shot = context.Order.Shots[index];
        var languages = context.Order.Languages;
        var narration = CheckContext.ShotPath(index, "narration");
        if (context.Index.Find(narration) is MappingNode) CheckLanguages(context, narration, shot.Narration.Keys, languages, languagesKnown);
        var known = context.Order.Characters.Select(c => c.Id).Where(id => id.Length > 0).ToList();
        for (var d = 0; d < shot.Dialogue.Count; d++)
        {
            var path = FieldPath.Item(CheckContext.ShotPath(index, "dialogue"), d);
            var character = shot.Dialogue[d].Character;
            if (character.Length > 0 && !known.Contains(character) && !context.Index.IsRejected("characters"))
            {
                context.Report(FieldPath.Child(path, "character"), known.Count == 0
                    ? $"unknown character '{character}': the order has no 'characters'; add the cast there (id, name, look, voice)"
                    : $"unknown character '{character}'{Suggestions.Hint(character, known)} (characters: {string.Join(", ", known)})");
            }
            var line = FieldPath.Child(path, "line");
            if (context.Index.Find(line) is MappingNode) CheckLanguages(context, line, shot.Dialogue[d].Text.Keys, languages, languagesKnown);
        }
    }

    private static void CheckLanguages(CheckContext context, string path, IEnumerable<string> written, IReadOnlyList<string> languages, bool languagesKnown)
    {
        if (!languagesKnown) return;
        foreach (var language in written.Where(l => !languages.Contains(l)))
        {
            context.Report(FieldPath.Child(path, language), languages.Count == 0
                ? $"language '{language}' needs 'languages' in the order; add 'languages: [{language}]'"
                : $"language '{language}' is not in the order's languages ({string.Join(", ", languages)}){Suggestions.Hint(language, languages)}",
                atKey: true);
        }
    }

    /// <summary>A shot that speaks says something in the film's spoken language, or its words would be captions nobody hears.</summary>
    private static void CheckSpokenLanguagePresent(CheckContext context, ShotSpec shot, int index, string spoken)
    {
        if (shot.Narration.Count > 0 && !shot.Narration.ContainsKey(spoken))
        {
            context.Report(CheckContext.ShotPath(index, "narration"), $"has no '{spoken}' text, the language the film speaks; add it, or set 'voice.language'");
        }
        for (var d = 0; d < shot.Dialogue.Count; d++)
        {
            if (shot.Dialogue[d].Text.Count == 0 || shot.Dialogue[d].Text.ContainsKey(spoken)) continue;
            var path = FieldPath.Child(FieldPath.Item(CheckContext.ShotPath(index, "dialogue"), d), "line");
            context.Report(path, $"has no '{spoken}' text, the language the film speaks; add it, or set 'voice.language'");
        }
    }

    private static void CheckLength(CheckContext context, ShotSpec shot, int index, string spoken)
    {
        var rate = context.Order.Voice.Rate;
        if (context.Index.IsRejected(CheckContext.ShotPath(index, "seconds")) || ShotLengths.Estimate(context.Order, shot) is not { } needed) return;
        if (needed <= shot.Seconds + 1e-9) return;
        var field = shot.Narration.ContainsKey(spoken) ? "narration" : "dialogue";
        var what = shot.Dialogue.Count > 0 && shot.Narration.ContainsKey(spoken) ? "the narration and dialogue take" : "takes";
        var lasts = shot.AutoSeconds
            ? $"the longest shot its model makes lasts {NodeText.Number(shot.Seconds)} s"
            : $"shot '{shot.Id}' lasts {NodeText.Number(shot.Seconds)} s";
        var remedy = shot.AutoSeconds ? "shorten it, raise 'voice.rate' or split the shot" : "shorten it, raise 'voice.rate' or make the shot longer";
        context.Report(CheckContext.ShotPath(index, field), string.Create(CultureInfo.InvariantCulture,
            $"{what} about {needed:0.0} s to say in {spoken} at rate {rate:0.##} (with {SpeechEstimate.PaddingSeconds:0.0} s of padding), but {lasts}: {needed - shot.Seconds:0.0} s too long; {remedy}"));
    }

    /// <summary>'seconds: auto' follows what the shot says in the spoken language: a shot that says nothing there has no length to follow.</summary>
    private static void CheckAutoSeconds(CheckContext context, int index, string? spoken)
    {
        var shot = context.Order.Shots[index];
        if (!shot.AutoSeconds || ShotLengths.Estimate(context.Order, shot) is not null) return;
        if (spoken is null && shot.Speaks) return; // reported once, as the order's missing 'languages'
        context.Report(CheckContext.ShotPath(index, "seconds"), shot.Speaks
            ? $"'auto' follows what shot '{shot.Id}' says in {spoken}, the language the film speaks, and it says nothing in it; add its '{spoken}' text or give it a length in seconds"
            : $"'auto' follows the shot's narration or dialogue, and shot '{shot.Id}' has none; give it a length in seconds (1–60) or add 'narration'");
    }

    private static void CheckVoices(CheckContext context, SpeechChoices speech, string spoken)
    {
        var order = context.Order;
        var name = order.Voice.Provider ?? speech.DefaultProvider;
        if (!speech.Providers.TryGetValue(name, out var provider))
        {
            if (context.Index.IsRejected("voice.provider")) return;
            var hint = speech.Unconfigured.TryGetValue(name, out var setup) ? setup : $"configured: {string.Join(", ", speech.Providers.Keys.Order(StringComparer.Ordinal))}";
            context.Report(context.Index.Has("voice.provider") ? "voice.provider" : "voice", $"speech provider '{name}' is not configured here: {hint}");
            return;
        }
        // Voices that cannot be listed right now are not checked here (SpeechProviderInfo.Unlisted says why that is safe).
        if (provider.Unlisted is not null) return;

        var narrator = CheckNarratorVoice(context, provider, spoken);
        if (narrator is not null && order.Voice.Style is { } style) CheckStyle(context, provider, narrator, style);

        var speaking = order.Shots.SelectMany(s => s.Dialogue).Select(d => d.Character).ToHashSet(StringComparer.Ordinal);
        for (var c = 0; c < order.Characters.Count; c++)
        {
            var character = order.Characters[c];
            if (!speaking.Contains(character.Id) || character.VoiceFor(spoken) is not { } voice) continue;
            var path = FieldPath.Child(FieldPath.Item("characters", c), "voice");
            if (character.Voices.ContainsKey(spoken)) path = FieldPath.Child(path, spoken);
            if (provider.FindVoice(voice) is null) context.Report(path, UnknownVoice(provider, voice, spoken));
        }
    }

    /// <summary>The narrator's voice for the spoken language: the order's, else the provider's default; null (and reported) when there is none.</summary>
    private static SpeechVoice? CheckNarratorVoice(CheckContext context, SpeechProviderInfo provider, string spoken)
    {
        var voices = context.Order.Voice.VoicesByLanguage;
        if (voices.TryGetValue(spoken, out var named))
        {
            var path = FieldPath.Child("voice.voices", spoken);
            var voice = provider.FindVoice(named);
            if (voice is null) context.Report(path, UnknownVoice(provider, named, spoken));
            return voice;
        }
        if (provider.DefaultVoiceFor(spoken) is { } fallback) return provider.FindVoice(fallback) ?? new SpeechVoice(fallback, spoken);
        var some = VoicesFor(provider, spoken);
        context.Report(context.Index.Has("voice.voices") ? "voice.voices" : "voice",
            $"no voice speaks '{spoken}', the language the film speaks: {provider.Name} has no default voice for it; name one in 'voice.voices'"
            + (some.Count > 0 ? $" ({string.Join(", ", some)})" : $" (`cloudreel voices` lists {provider.Name}'s voices)"),
            atKey: !context.Index.Has("voice"));
        return null;
    }

    private static void CheckStyle(CheckContext context, SpeechProviderInfo provider, SpeechVoice voice, string style)
    {
        if (voice.Styles.Contains(style, StringComparer.OrdinalIgnoreCase)) return;
        context.Report("voice.style", voice.Styles.Count == 0
            ? $"{provider.Name} voice '{voice.Name}' has no speaking styles; remove 'style' or pick a voice with styles"
            : $"{provider.Name} voice '{voice.Name}' has no style '{style}'{Suggestions.Hint(style, voice.Styles)} (its styles: {string.Join(", ", voice.Styles)})");
    }

    private static string UnknownVoice(SpeechProviderInfo provider, string voice, string language)
    {
        var some = VoicesFor(provider, language);
        return $"{provider.Name} has no voice '{voice}'{Suggestions.Hint(voice, provider.Voices.Select(v => v.Name))}"
            + (some.Count > 0 ? $" ({language} voices: {string.Join(", ", some)})" : $" (`cloudreel voices` lists {provider.Name}'s voices)");
    }

    /// <summary>Up to eight of the provider's voices for a language, by its primary subtag.</summary>
    private static List<string> VoicesFor(SpeechProviderInfo provider, string language)
    {
        var primary = language.Split('-')[0];
        return provider.Voices.Where(v => string.Equals(v.Locale.Split('-')[0], primary, StringComparison.OrdinalIgnoreCase))
            .Select(v => v.Name).Take(8).ToList();
    }
}
