using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Briefs;
using CloudReel.Core.Planning.Fountain;
using CloudReel.Core.Planning.Text;
using CloudReel.Core.Planning.Timing;

namespace CloudReel.Core.Planning;

/// <summary>
/// Plans shots from a brief or a Fountain screenplay with fixed rules (no language model): shots
/// from paragraphs and sentences or from scenes, captions per language, camera moves from
/// keywords, seconds from reading time or spread over the target length, all fitted to the model.
/// </summary>
public static class RuleBasedPlanner
{
    public const int MaxShots = 200;

    /// <param name="order">An order with a brief or a script; an order that already has shots comes back unchanged.</param>
    /// <param name="scriptText">The content of the Fountain file the order's <see cref="FilmOrder.Script"/> names.</param>
    /// <param name="model">The order's model, whose durations the shots are fitted to.</param>
    public static PlanResult Plan(FilmOrder order, string? scriptText, ModelCapabilities model)
    {
        if (!order.NeedsPlanning) return new PlanResult(order, []);

        var notes = new List<string>();
        order = BriefFacts.Complete(order, scriptText, notes);
        var (drafts, source, scriptCast) = Draft(order, scriptText, notes);
        drafts = Bound(drafts, order.Title, source, notes);
        var characters = PlannedCast.Merge(order.Characters, scriptCast);
        var casts = drafts.Select(d => PlannedCast.InShot(d, characters)).ToList();
        characters = PlannedCast.Used(order.Characters, characters, casts);

        var ids = ShotIdMaker.Make(drafts.Select(d => d.IdText).ToList());
        var cameras = CameraChooser.Choose(drafts.Select(d => d.CameraText).ToList());
        var captions = CaptionAssigner.Assign(drafts, ids, order.Languages, source, notes);
        var prompts = drafts.Select((d, i) => FitPrompt(d.Prompt, ids[i], order.Style, cameras[i], model, notes)).ToList();
        var dialogue = drafts.Select(d => PlannedDialogue.Wanted(order) ? PlannedDialogue.For(d, characters, order.Languages) : []).ToList();
        var timed = drafts.Select((d, i) =>
        {
            var spoken = PlannedDialogue.SpeakingSeconds(dialogue[i], order);
            return new TimedShot(ids[i], Math.Max(ReadingTime.Of(d.TimingTexts), spoken), (d.Transition ?? order.Transition).OverlapSeconds, spoken);
        }).ToList();
        var target = order.TargetSeconds is > 0 ? order.TargetSeconds : null;
        var seconds = ShotTiming.Plan(timed, target, model, notes);
        var sequences = SceneSequences(drafts, model, notes);

        var shots = drafts.Select((d, i) => new ShotSpec
        {
            Id = ids[i],
            Prompt = prompts[i],
            Seconds = seconds[i],
            Camera = cameras[i],
            Captions = captions[i],
            Transition = d.Transition,
            Cast = casts[i],
            Sequence = sequences[i],
            Dialogue = dialogue[i],
        }).ToList();
        var planned = order with { Characters = characters, Shots = shots, Brief = null, Script = null, TargetSeconds = null };
        return new PlanResult(planned, notes);
    }

    private static (List<DraftShot> Drafts, PlanSource Source, IReadOnlyList<CastMember> Cast) Draft(FilmOrder order, string? scriptText, List<string> notes)
    {
        if (order.Script is not null)
        {
            if (scriptText is null) throw new ArgumentException($"The order names the script '{order.Script}': pass its text to plan it.", nameof(scriptText));
            if (!string.IsNullOrWhiteSpace(order.Brief)) notes.Add("the brief was not used: the order also names a script, and the script was planned");
            var script = FountainParser.Parse(scriptText);
            NoteTitle(script, order.Title, notes);
            return (ScriptDrafter.Draft(script, order.Transition), PlanSource.Script, ScriptCast.Read(script));
        }
        if (order.Brief is not null) return (BriefDrafter.Draft(BriefReader.Read(order.Brief, order.Title)), PlanSource.Brief, []);
        throw new ArgumentException("The order has no shots, brief or script to plan.", nameof(order));
    }

    private static void NoteTitle(FountainDocument script, string orderTitle, List<string> notes)
    {
        if (script.TitleValue("Title") is not { } title) return;
        var scriptTitle = Whitespace.Collapse(title);
        if (scriptTitle.Length > 0 && !scriptTitle.Equals(Whitespace.Collapse(orderTitle), StringComparison.OrdinalIgnoreCase))
        {
            notes.Add($"the script's title page says '{scriptTitle}'; the order's title '{orderTitle}' is kept");
        }
    }

    /// <summary>
    /// A screenplay scene told in several shots is one sequence: each shot after its first starts from
    /// the last frame of the one before, so the scene plays as one continuous piece. Only on a model that
    /// can start from a picture.
    /// </summary>
    private static IReadOnlyList<string?> SceneSequences(IReadOnlyList<DraftShot> drafts, ModelCapabilities model, List<string> notes)
    {
        var sequences = new string?[drafts.Count];
        if (!model.ImageToVideo) return sequences;
        var scenes = drafts.Where(d => d.Scene is not null).GroupBy(d => d.Scene!.Value).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        for (var i = 0; i < drafts.Count; i++)
        {
            if (drafts[i].Scene is { } scene && scenes.Contains(scene)) sequences[i] = $"scene-{scene}";
        }
        if (scenes.Count > 0) notes.Add($"{scenes.Count} scene(s) told in several shots flow as sequences: each of their shots starts from the last frame of the one before");
        return sequences;
    }

    /// <summary>At least one shot (the title, when the text yields none) and at most <see cref="MaxShots"/>.</summary>
    private static List<DraftShot> Bound(List<DraftShot> drafts, string title, PlanSource source, List<string> notes)
    {
        var name = source.ToString().ToLowerInvariant();
        if (drafts.Count == 0)
        {
            notes.Add($"the {name} yields no shots: planned one shot of the title");
            return [DraftShot.FromText(title, [])];
        }
        if (drafts.Count <= MaxShots) return drafts;
        notes.Add($"the {name} yields {drafts.Count} shots: only the first {MaxShots} were planned");
        return drafts.Take(MaxShots).ToList();
    }

    /// <summary>Keeps room in the model's prompt limit for the camera phrase and the style.</summary>
    private static string FitPrompt(string prompt, string id, string style, CameraMove camera, ModelCapabilities model, List<string> notes)
    {
        var overhead = PromptComposer.Compose(style, "", camera).Length + 2;
        var limit = Math.Max(40, model.MaxPromptLength - overhead);
        var fitted = ClauseCutter.Fit(prompt, limit, s => s.Length);
        if (fitted.Length < Whitespace.Collapse(prompt).Length) notes.Add($"prompt of shot {id} shortened to {limit} characters to fit model '{model.Name}'");
        return fitted;
    }
}
