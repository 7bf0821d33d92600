using System.Globalization;
using CloudReel.Core.Speech;

namespace CloudReel.Core.Orders;

/// <summary>
/// The node tree of a <see cref="FilmOrder"/> as a person would write it: the binder's inverse, with
/// fields in the format's order and every default left out.
/// </summary>
internal static class OrderNodes
{
    private static readonly FilmOrder Defaults = new() { Title = "" };
    private static readonly ShotSpec ShotDefaults = new() { Id = "", Prompt = "" };
    private static readonly Budget BudgetDefaults = new(0);

    public static MappingNode FromOrder(FilmOrder order)
    {
        var root = Mapping();
        Put(root, "title", Text(order.Title));
        if (order.Style.Length > 0) Put(root, "style", Text(order.Style));
        if (order.LookPictures.Count > 0) Put(root, "look", CastNodes.Look(order.LookPictures));
        if (order.Characters.Count > 0) Put(root, "characters", List(order.Characters.Select(CastNodes.Character)));
        if (order.Voice != Defaults.Voice) Put(root, "voice", VoiceNodes.Voice(order.Voice));
        if (order.Languages.Count > 0) Put(root, "languages", List(order.Languages.Select(Text)));
        if (!order.Aspects.SequenceEqual(Defaults.Aspects) || order.AspectSettings.Count > 0) Put(root, "aspects", List(order.Aspects.Select(a => Aspect(order, a))));
        if (order.Resolution != Defaults.Resolution) Put(root, "resolution", Text(order.Resolution.ToString(CultureInfo.InvariantCulture) + "p"));
        if (order.Fps != Defaults.Fps) Put(root, "fps", Number(order.Fps));
        if (order.Model != Defaults.Model) Put(root, "model", Text(order.Model));
        if (order.Fallback.Count > 0) Put(root, "fallback", List(order.Fallback.Select(Text)));
        if (order.Workflow is { } workflow) Put(root, "workflow", Text(workflow));
        if (order.Budget is { } budget) Put(root, "budget", Budget(budget));
        if (order.Reframe != Defaults.Reframe) Put(root, "reframe", Text(KebabNames.Of(order.Reframe)));
        if (order.Loudness != Defaults.Loudness) Put(root, "loudness", Loudness(order.Loudness));
        if (order.Music is { } music) Put(root, "music", PresentationNodes.Music(music, order.MusicMix));
        if (order.Logo is { } logo) Put(root, "logo", PresentationNodes.Logo(logo, order.LogoPlacement));
        if (order.Label is { } label) Put(root, "label", PresentationNodes.Label(label, order.LabelDisplay));
        if (order.CaptionStyle != Defaults.CaptionStyle) Put(root, "captionStyle", Text(KebabNames.Of(order.CaptionStyle)));
        if (order.Poster is { } poster) Put(root, "poster", PresentationNodes.Poster(poster));
        if (!order.CleanMaster) Put(root, "cleanMaster", ScalarNode.OfBoolean(SourcePosition.Start, false));
        if (order.Transition != Defaults.Transition) Put(root, "transition", Transition(order.Transition));
        if (order.Approval != Defaults.Approval) Put(root, "approval", Approval(order.Approval));
        if (order.Qa != Defaults.Qa) Put(root, "qa", CastNodes.Qa(order.Qa));
        if (order.TargetSeconds is { } seconds) Put(root, "duration", Number(seconds));
        if (order.Brief is { } brief) Put(root, "brief", Text(brief));
        if (order.Script is { } script) Put(root, "script", Text(script));
        if (order.Shots.Count > 0) Put(root, "shots", List(order.Shots.Select(Shot)));
        return root;
    }

    private static MappingNode Shot(ShotSpec shot)
    {
        var node = Mapping();
        Put(node, "id", Text(shot.Id));
        if (shot.Clip is null || shot.Prompt.Length > 0) Put(node, "prompt", Text(shot.Prompt));
        // A clip's length is written always: without it, the order would mean the clip's own length.
        if (shot.AutoSeconds) Put(node, "seconds", Text(ShotLengths.Auto));
        else if (shot.Seconds != ShotDefaults.Seconds || shot.Clip is not null) Put(node, "seconds", Number(shot.Seconds));
        if (shot.Clip is { } clip) Put(node, "clip", Text(clip));
        if (shot.Image is { } image) Put(node, "image", Text(image));
        if (shot.LastImage is { } last) Put(node, "lastImage", Text(last));
        if (shot.References.Count > 0) Put(node, "references", List(shot.References.Select(Text)));
        if (shot.Cast.Count > 0) Put(node, "cast", List(shot.Cast.Select(Text)));
        if (shot.Sequence is { } sequence) Put(node, "sequence", Text(sequence));
        if (shot.Camera != ShotDefaults.Camera) Put(node, "camera", Text(CameraMoves.NameOf(shot.Camera)));
        if (shot.Captions.Count > 0)
        {
            var captions = Mapping();
            foreach (var (language, caption) in shot.Captions) Put(captions, language, Text(caption));
            Put(node, "caption", captions);
        }
        if (shot.Model is { } model) Put(node, "model", Text(model));
        if (shot.Seed is { } seed) Put(node, "seed", Number(seed));
        if (shot.Transition is { } transition) Put(node, "transition", Transition(transition));
        if (shot.Focus is { } focus) Put(node, "focus", PresentationNodes.Focus(focus));
        if (shot.VoiceOver is { } voiceOver) Put(node, "voiceover", Text(voiceOver));
        if (shot.Title is { } title) Put(node, "title", Text(title));
        if (shot.Narration.Count > 0) Put(node, "narration", VoiceNodes.Texts(shot.Narration));
        if (shot.Dialogue.Count > 0) Put(node, "dialogue", List(shot.Dialogue.Select(VoiceNodes.Line)));
        return node;
    }

    private static OrderNode Aspect(FilmOrder order, AspectRatio aspect)
    {
        var settings = order.AspectSettings.FirstOrDefault(s => s.Ratio == aspect);
        if (settings is null) return Text(aspect.ToString());
        var node = Mapping();
        Put(node, "ratio", Text(aspect.ToString()));
        if (settings.Loudness is { } loudness) Put(node, "loudness", Loudness(loudness));
        if (settings.Reframe is { } reframe) Put(node, "reframe", Text(KebabNames.Of(reframe)));
        return node;
    }

    internal static OrderNode Loudness(LoudnessTarget target) => target.PresetName is { } preset ? Text(preset) : Number(target.Lufs);

    private static OrderNode Budget(Budget budget)
    {
        var limit = ScalarNode.OfNumber(SourcePosition.Start, budget.Limit.ToString(CultureInfo.InvariantCulture), (double)budget.Limit);
        if (budget.Currency == BudgetDefaults.Currency) return limit;
        var node = Mapping();
        Put(node, "limit", limit);
        Put(node, "currency", Text(budget.Currency));
        return node;
    }

    private static OrderNode Transition(TransitionSpec transition)
    {
        var name = Text(TransitionNames.NameOf(transition.Kind));
        if (transition.Kind == TransitionKind.Cut || transition.Seconds == TransitionSpec.DefaultSeconds) return name;
        var node = Mapping();
        Put(node, "type", name);
        Put(node, "seconds", Number(transition.Seconds));
        return node;
    }

    private static OrderNode Approval(ApprovalSpec approval)
    {
        if (approval.TimeoutHours == ApprovalSpec.None.TimeoutHours) return ScalarNode.OfBoolean(SourcePosition.Start, approval.Required);
        var node = Mapping();
        if (!approval.Required) Put(node, "required", ScalarNode.OfBoolean(SourcePosition.Start, false));
        Put(node, "timeoutHours", Number(approval.TimeoutHours));
        return node;
    }

    internal static MappingNode Mapping() => new(SourcePosition.Start);

    internal static void Put(MappingNode mapping, string key, OrderNode value) => mapping.Add(Text(key), value);

    internal static SequenceNode List(IEnumerable<OrderNode> items)
    {
        var list = new SequenceNode(SourcePosition.Start);
        list.Items.AddRange(items);
        return list;
    }

    internal static ScalarNode Text(string text) => ScalarNode.OfText(SourcePosition.Start, text);

    internal static ScalarNode Number(double value) => ScalarNode.OfNumber(SourcePosition.Start, value.ToString("R", CultureInfo.InvariantCulture), value);
}
