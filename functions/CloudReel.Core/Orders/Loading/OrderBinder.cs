using System.Globalization;
using CloudReel.Core.Speech;

namespace CloudReel.Core.Orders;

/// <summary>
/// Turns a validated node tree into a <see cref="FilmOrder"/>. Rejected values are left out (the
/// record's defaults stand in), so the checks after binding still see as much of the order as can be used.
/// </summary>
internal sealed partial class OrderBinder(NodeIndex index)
{
    private static readonly FilmOrder Defaults = new() { Title = "" };

    /// <summary>Stands in for a shot that could not be read, so shot indices still match the file.</summary>
    private static readonly ShotSpec ShotDefaults = new() { Id = "", Prompt = "" };

    public FilmOrder Bind(OrderNode root)
    {
        if (Usable(root) is not MappingNode order) return Defaults;
        var languages = Texts(order, "languages")?.OfType<string>().ToList() ?? Defaults.Languages;
        var aspectNodes = Usable(order.Find("aspects")) is SequenceNode list ? list.Items.Select(Usable).OfType<OrderNode>().ToList() : [];
        var aspects = aspectNodes.Select(BindAspect).OfType<AspectSettings>().ToList();
        var (music, musicMix) = BindMusic(Usable(order.Find("music")));
        var (logo, logoPlacement) = BindLogo(Usable(order.Find("logo")));
        var (label, labelDisplay) = BindLabel(Usable(order.Find("label")));
        var look = Usable(order.Find("look")) as MappingNode;
        return new FilmOrder
        {
            Title = Text(order, "title") ?? Defaults.Title,
            Style = (look is null ? null : Text(look, "style")) ?? Text(order, "style") ?? Defaults.Style,
            LookPictures = (look is null ? null : Texts(look, "pictures"))?.OfType<string>().ToList() ?? Defaults.LookPictures,
            Characters = BindCharacters(Usable(order.Find("characters"))),
            Voice = BindVoice(Usable(order.Find("voice"))),
            Languages = languages,
            Aspects = aspects.Count > 0 ? aspects.Select(a => a.Ratio).ToList() : Defaults.Aspects,
            AspectSettings = aspects.Where(a => a.Loudness is not null || a.Reframe is not null).ToList(),
            Reframe = Choice<ReframeMode>(order, "reframe") ?? Defaults.Reframe,
            Loudness = BindLoudness(Usable(order.Find("loudness"))) ?? Defaults.Loudness,
            Resolution = Text(order, "resolution") is { } resolution ? int.Parse(resolution[..^1], CultureInfo.InvariantCulture) : Defaults.Resolution,
            Fps = Number(order, "fps") is { } fps ? (int)fps : Defaults.Fps,
            Model = Text(order, "model") ?? Defaults.Model,
            // Rejected fallbacks stay as "" so that fallback[i] still names the i-th one written.
            Fallback = Texts(order, "fallback")?.Select(name => name ?? "").ToList() ?? Defaults.Fallback,
            Workflow = Text(order, "workflow"),
            Budget = BindBudget(Usable(order.Find("budget"))),
            Music = music,
            MusicMix = musicMix,
            Logo = logo,
            LogoPlacement = logoPlacement,
            Label = label,
            LabelDisplay = labelDisplay,
            CaptionStyle = Choice<CaptionStyle>(order, "captionStyle") ?? Defaults.CaptionStyle,
            Poster = BindPoster(Usable(order.Find("poster"))),
            CleanMaster = Flag(order, "cleanMaster") ?? Defaults.CleanMaster,
            Transition = BindTransition(Usable(order.Find("transition"))) ?? Defaults.Transition,
            Approval = BindApproval(Usable(order.Find("approval"))) ?? Defaults.Approval,
            Qa = BindQa(Usable(order.Find("qa"))),
            TargetSeconds = Number(order, "duration"),
            Brief = Text(order, "brief"),
            Script = Text(order, "script"),
            Shots = Usable(order.Find("shots")) is SequenceNode shots ? shots.Items.Select(s => BindShot(s, languages)).ToList() : [],
        };
    }

    private ShotSpec BindShot(OrderNode node, IReadOnlyList<string> languages)
    {
        if (Usable(node) is not MappingNode shot) return ShotDefaults;
        return new ShotSpec
        {
            Id = Text(shot, "id") ?? ShotDefaults.Id,
            Prompt = Text(shot, "prompt") ?? ShotDefaults.Prompt,
            Seconds = Number(shot, "seconds") ?? ShotDefaults.Seconds,
            Clip = Text(shot, "clip"),
            AutoSeconds = Text(shot, "seconds") == ShotLengths.Auto,
            Image = Text(shot, "image"),
            LastImage = Text(shot, "lastImage"),
            References = Texts(shot, "references")?.OfType<string>().ToList() ?? ShotDefaults.References,
            Cast = Texts(shot, "cast")?.OfType<string>().ToList() ?? ShotDefaults.Cast,
            Sequence = Text(shot, "sequence"),
            Camera = Text(shot, "camera") is { } camera && CameraMoves.TryParse(camera, out var move) ? move : ShotDefaults.Camera,
            Captions = BindCaptions(Usable(shot.Find("caption")), languages),
            Model = Text(shot, "model"),
            Seed = Number(shot, "seed") is { } seed ? (long)seed : null,
            Transition = BindTransition(Usable(shot.Find("transition"))),
            Focus = Usable(shot.Find("focus")) is MappingNode focus
                ? new FocusPoint(Number(focus, "x") ?? FocusPoint.Centre.X, Number(focus, "y") ?? FocusPoint.Centre.Y)
                : null,
            VoiceOver = Text(shot, "voiceover"),
            Title = Text(shot, "title"),
            Narration = BindCaptions(Usable(shot.Find("narration")), languages),
            Dialogue = BindDialogue(Usable(shot.Find("dialogue")), languages),
        };
    }

    private T? Choice<T>(MappingNode map, string key) where T : struct, Enum =>
        Text(map, key) is { } name && KebabNames.TryParse<T>(name, out var value) ? value : null;

    private Dictionary<string, string> BindCaptions(OrderNode? node, IReadOnlyList<string> languages)
    {
        var captions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is ScalarNode { IsText: true } plain && languages.Count > 0) captions[languages[0]] = plain.Text;
        if (node is MappingNode map)
        {
            foreach (var (key, value) in map.Entries)
            {
                if (Usable(value) is ScalarNode { IsText: true } text) captions[key.Text] = text.Text;
            }
        }
        return captions;
    }

    private TransitionSpec? BindTransition(OrderNode? node)
    {
        var (name, seconds) = node switch
        {
            ScalarNode { IsText: true } scalar => (scalar.Text, null),
            MappingNode map => (Text(map, "type"), Number(map, "seconds")),
            _ => (null, (double?)null),
        };
        if (name is null || !TransitionNames.TryParse(name, out var kind)) return null;
        return kind == TransitionKind.Cut ? TransitionSpec.Cut : new TransitionSpec(kind, seconds ?? TransitionSpec.DefaultSeconds);
    }

    private Budget? BindBudget(OrderNode? node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Number } limit => new Budget(ToDecimal(limit)),
        MappingNode map when Usable(map.Find("limit")) is ScalarNode { Kind: ScalarKind.Number } limit =>
            Text(map, "currency") is { } currency ? new Budget(ToDecimal(limit), currency) : new Budget(ToDecimal(limit)),
        _ => null,
    };

    private ApprovalSpec? BindApproval(OrderNode? node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Boolean } flag => flag.Flag ? new ApprovalSpec(true) : ApprovalSpec.None,
        MappingNode map => new ApprovalSpec(Flag(map, "required") ?? true, Number(map, "timeoutHours") ?? ApprovalSpec.None.TimeoutHours),
        _ => null,
    };

    private OrderNode? Usable(OrderNode? node) => node is null || index.IsRejected(node) ? null : node;

    private string? Text(MappingNode map, string key) => Usable(map.Find(key)) is ScalarNode { IsText: true } s ? s.Text : null;

    private double? Number(MappingNode map, string key) => Usable(map.Find(key)) is ScalarNode { Kind: ScalarKind.Number } s ? s.Number : null;

    private bool? Flag(MappingNode map, string key) => Usable(map.Find(key)) is ScalarNode { Kind: ScalarKind.Boolean } s ? s.Flag : null;

    /// <summary>The texts of a list field, with null for each item that was rejected.</summary>
    private List<string?>? Texts(MappingNode map, string key) => Usable(map.Find(key)) is SequenceNode list
        ? list.Items.Select(item => Usable(item) is ScalarNode { IsText: true } s ? s.Text : null).ToList()
        : null;

    private static decimal ToDecimal(ScalarNode number) =>
        decimal.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) ? exact : (decimal)number.Number;
}
