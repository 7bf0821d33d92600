using System.Globalization;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Text;

namespace CloudReel.Models.Planning;

/// <summary>
/// A chat model's answer in <see cref="PlanSchema"/>'s shape, and how it becomes shots: its recurring
/// characters become the order's cast (filling in the looks of characters the order only names) and
/// each shot names its cast, so casting writes one fixed look into every shot a character is in;
/// seconds are fitted to the model, ids made safe and unique, captions kept to the order's
/// languages and caption limits. The result is still checked like any order.
/// </summary>
public sealed record LanguageModelPlan(IReadOnlyList<PlannedCharacter> Characters, IReadOnlyList<PlannedShotDraft> Shots)
{
    private const int MaxCaptionColumns = 84;
    private const int MaxCastPerShot = 7;
    private const int MaxCharacters = 20;

    public PlanResult ToPlan(FilmOrder order, ModelCapabilities model, string plannerName)
    {
        var cast = Cast(order);
        var notes = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var shots = new List<ShotSpec>();
        foreach (var draft in Shots.Take(RuleBasedPlanner.MaxShots))
        {
            var seconds = model.Durations.Fit(Math.Clamp(draft.Seconds, 1, 60));
            if (Math.Abs(seconds - draft.Seconds) > 1e-6) notes.Add($"shot {draft.Id}: {Number(draft.Seconds)} s fitted to {Number(seconds)} s for '{model.Name}'");
            var inShot = draft.Characters
                .Select(name => cast.FirstOrDefault(c => c.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase) || c.Id == name.Trim()))
                .OfType<CastMember>().Select(c => c.Id).Distinct(StringComparer.Ordinal).Take(MaxCastPerShot).ToList();
            shots.Add(new ShotSpec
            {
                Id = UniqueId(draft.Id, shots.Count, ids),
                Prompt = Fit(draft.Prompt, model.MaxPromptLength - Overhead(order, cast.Where(c => inShot.Contains(c.Id)))),
                Seconds = seconds,
                Camera = CameraMoves.TryParse(draft.Camera, out var camera) ? camera : CameraMove.Static,
                Captions = Captions(draft, order.Languages),
                Cast = inShot,
            });
        }

        var used = cast.Where(c => order.Characters.Any(o => o.Id == c.Id) || shots.Any(s => s.Cast.Contains(c.Id))).ToList();
        var recurring = used.Count(c => shots.Count(s => s.Cast.Contains(c.Id)) > 1);
        notes.Add(recurring > 0
            ? $"planned by {plannerName}: {recurring} recurring character(s) kept alike in every shot: {string.Join(", ", used.Where(c => shots.Count(s => s.Cast.Contains(c.Id)) > 1).Select(c => c.Name))}"
            : $"planned by {plannerName}");
        return new PlanResult(order with { Characters = used, Shots = shots, Brief = null, Script = null, TargetSeconds = null }, notes);
    }

    /// <summary>
    /// The film's cast: the order's characters, their looks filled in by the chat model where the order
    /// only had a name (a screenplay's characters); then the chat model's other characters.
    /// </summary>
    private List<CastMember> Cast(FilmOrder order)
    {
        var answered = Characters.Where(c => !string.IsNullOrWhiteSpace(c.Name) && !string.IsNullOrWhiteSpace(c.Look))
            .GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Name: g.Key, Look: Whitespace(g.First().Look)))
            .ToList();
        var cast = order.Characters.Select(c => answered.FirstOrDefault(a => a.Name.Equals(c.Name, StringComparison.OrdinalIgnoreCase)) is { Look.Length: > 0 } filled
                && c.Look.Equals(c.Name, StringComparison.OrdinalIgnoreCase)
            ? c with { Look = filled.Look }
            : c).ToList();
        var ids = new HashSet<string>(cast.Select(c => c.Id), StringComparer.Ordinal);
        foreach (var (name, look) in answered)
        {
            if (cast.Count >= MaxCharacters || cast.Any(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))) continue;
            var id = Slug.From(name, maxLength: 36, fallback: "character");
            var candidate = id;
            for (var n = 2; !ids.Add(candidate); n++) candidate = $"{id}-{n}";
            cast.Add(new CastMember(candidate, name.Length <= 60 ? name : name[..60].TrimEnd(), look.Length <= 1000 ? look : look[..1000].TrimEnd(), []));
        }
        return cast;
    }

    private static string Fit(string prompt, int limit)
    {
        var text = prompt.Trim();
        limit = Math.Clamp(limit, 40, 2000);
        return text.Length <= limit ? text : text[..limit].TrimEnd();
    }

    private static string Whitespace(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>What ShotCasting adds to every prompt (the cast's looks, camera phrase, style), so the whole fits the model.</summary>
    private static int Overhead(FilmOrder order, IEnumerable<CastMember> cast) =>
        PromptComposer.Compose(order.Style, "", CameraMove.Aerial, cast.Select(c => (c.Name, c.Look))).Length + 2;

    private static Dictionary<string, string> Captions(PlannedShotDraft draft, IReadOnlyList<string> languages)
    {
        var captions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var caption in draft.Captions)
        {
            if (!languages.Contains(caption.Language) || captions.ContainsKey(caption.Language)) continue;
            var lines = caption.Text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(2);
            var text = string.Join("\n", lines);
            while (DisplayWidth.Of(text) > MaxCaptionColumns) text = text[..^(char.IsLowSurrogate(text[^1]) ? 2 : 1)];
            if (text.Trim().Length > 0) captions[caption.Language] = text.Trim();
        }

        return captions;
    }

    private static string UniqueId(string wanted, int index, HashSet<string> taken)
    {
        var id = Slug.From(wanted, maxLength: 36, fallback: $"shot-{index + 1}");
        var candidate = id;
        for (var n = 2; !taken.Add(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A recurring character and the one look it keeps in every shot.</summary>
public sealed record PlannedCharacter(string Name, string Look);

/// <summary>One shot as the chat model wrote it, before it is fitted to the model and the order.</summary>
public sealed record PlannedShotDraft(
    string Id,
    string Prompt,
    double Seconds,
    string Camera,
    IReadOnlyList<string> Characters,
    IReadOnlyList<PlannedCaption> Captions);

/// <summary>A caption line in one language.</summary>
public sealed record PlannedCaption(string Language, string Text);
