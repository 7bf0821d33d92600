using System.Globalization;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Text;

namespace CloudReel.Models.Planning;

/// <summary>
/// A chat model's answer in <see cref="PlanSchema"/>'s shape, and how it becomes shots: each shot's
/// prompt carries the fixed look of every character in it (so a character looks the same in every
/// shot), seconds are fitted to the model, ids made safe and unique, captions kept to the order's
/// languages and caption limits. The result is still checked like any order.
/// </summary>
public sealed record LanguageModelPlan(IReadOnlyList<PlannedCharacter> Characters, IReadOnlyList<PlannedShotDraft> Shots)
{
    private const int MaxCaptionColumns = 84;

    public PlanResult ToPlan(FilmOrder order, ModelCapabilities model, string plannerName)
    {
        var looks = Characters.Where(c => !string.IsNullOrWhiteSpace(c.Name))
            .GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Look.Trim(), StringComparer.OrdinalIgnoreCase);
        var notes = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var shots = new List<ShotSpec>();
        foreach (var draft in Shots.Take(RuleBasedPlanner.MaxShots))
        {
            var seconds = model.Durations.Fit(Math.Clamp(draft.Seconds, 1, 60));
            if (Math.Abs(seconds - draft.Seconds) > 1e-6) notes.Add($"shot {draft.Id}: {Number(draft.Seconds)} s fitted to {Number(seconds)} s for '{model.Name}'");
            shots.Add(new ShotSpec
            {
                Id = UniqueId(draft.Id, shots.Count, ids),
                Prompt = PromptWithLooks(draft, looks, model.MaxPromptLength - Overhead(order)),
                Seconds = seconds,
                Camera = CameraMoves.TryParse(draft.Camera, out var camera) ? camera : CameraMove.Static,
                Captions = Captions(draft, order.Languages),
            });
        }

        if (looks.Count > 0) notes.Add($"planned by {plannerName}: {looks.Count} recurring character(s) kept alike in every shot: {string.Join(", ", looks.Keys)}");
        else notes.Add($"planned by {plannerName}");
        return new PlanResult(order with { Shots = shots, Brief = null, Script = null, TargetSeconds = null }, notes);
    }

    private static string PromptWithLooks(PlannedShotDraft draft, Dictionary<string, string> looks, int limit)
    {
        var present = draft.Characters.Where(looks.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var prompt = draft.Prompt.Trim();
        if (present.Count > 0) prompt += " Characters: " + string.Join("; ", present.Select(name => $"{name}, {looks[name]}")) + ".";
        limit = Math.Clamp(limit, 40, 2000);
        return prompt.Length <= limit ? prompt : prompt[..limit].TrimEnd();
    }

    /// <summary>What ShotCasting adds to every prompt (camera phrase, style), so the whole fits the model.</summary>
    private static int Overhead(FilmOrder order) => PromptComposer.Compose(order.Style, "", CameraMove.Aerial).Length + 2;

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
