namespace CloudReel.Core.Orders;

/// <summary>
/// A validated film order: what the customer asked for. Paths are as the order wrote them
/// (relative to the order file) until staging rewrites them to clip-store names.
/// </summary>
public sealed record FilmOrder
{
    public required string Title { get; init; }

    /// <summary>Text added to every prompt, e.g. "clay animation, miniature set, warm light" (the order's 'style' or 'look.style').</summary>
    public string Style { get; init; } = "";

    /// <summary>Pictures of the film's look ('look.pictures').</summary>
    public IReadOnlyList<string> LookPictures { get; init; } = [];

    /// <summary>The recurring characters, each with one fixed look; shots name theirs in <see cref="ShotSpec.Cast"/>.</summary>
    public IReadOnlyList<CastMember> Characters { get; init; } = [];

    /// <summary>How the film speaks its narration and dialogue.</summary>
    public VoiceSpec Voice { get; init; } = VoiceSpec.Default;

    /// <summary>Caption languages as BCP 47 tags, first one burned into the picture.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Output aspect ratios; the first is the master the shots are generated for.</summary>
    public IReadOnlyList<AspectRatio> Aspects { get; init; } = [AspectRatio.Landscape];

    /// <summary>Short side of the picture in pixels (1080 for "1080p").</summary>
    public int Resolution { get; init; } = 1080;

    public int Fps { get; init; } = 30;

    /// <summary>Default video model for shots that name none.</summary>
    public string Model { get; init; } = "animatic";

    /// <summary>Models tried in order when a shot's own model refuses or fails.</summary>
    public IReadOnlyList<string> Fallback { get; init; } = [];

    /// <summary>A workflow graph for models that run one (ComfyUI).</summary>
    public string? Workflow { get; init; }

    public Budget? Budget { get; init; }

    /// <summary>How renditions of other aspect ratios are made from the master's picture.</summary>
    public ReframeMode Reframe { get; init; } = ReframeMode.Crop;

    /// <summary>Loudness every rendition is normalised to unless its aspect says otherwise.</summary>
    public LoudnessTarget Loudness { get; init; } = LoudnessTarget.Streaming;

    /// <summary>Per-aspect settings, for the aspects written with more than their ratio.</summary>
    public IReadOnlyList<AspectSettings> AspectSettings { get; init; } = [];

    /// <summary>The music bed's file.</summary>
    public string? Music { get; init; }

    public MusicMix MusicMix { get; init; } = MusicMix.Default;

    /// <summary>The logo's file.</summary>
    public string? Logo { get; init; }

    public LogoPlacement LogoPlacement { get; init; } = LogoPlacement.Default;

    /// <summary>Visible AI-content label, e.g. "AI生成".</summary>
    public string? Label { get; init; }

    public LabelDisplay LabelDisplay { get; init; } = LabelDisplay.Default;

    /// <summary>Which captions are burned into the picture.</summary>
    public CaptionStyle CaptionStyle { get; init; } = CaptionStyle.Single;

    /// <summary>The poster frame; null picks the sharpest frame.</summary>
    public PosterChoice? Poster { get; init; }

    /// <summary>Whether to write a clean master (nothing burned in) for editors.</summary>
    public bool CleanMaster { get; init; } = true;

    public TransitionSpec Transition { get; init; } = TransitionSpec.Default;

    public ApprovalSpec Approval { get; init; } = ApprovalSpec.None;

    /// <summary>How new clips are checked and retaken.</summary>
    public QaSpec Qa { get; init; } = QaSpec.Default;

    /// <summary>Shots as ordered. Empty when the order carries a brief or a script for the planner.</summary>
    public IReadOnlyList<ShotSpec> Shots { get; init; } = [];

    /// <summary>Free text for the planner (instead of shots).</summary>
    public string? Brief { get; init; }

    /// <summary>A Fountain screenplay file for the planner (instead of shots).</summary>
    public string? Script { get; init; }

    /// <summary>Target length for planned films, in seconds; the planner spreads shots to it.</summary>
    public double? TargetSeconds { get; init; }

    public bool NeedsPlanning => Shots.Count == 0;

    public LoudnessTarget LoudnessFor(AspectRatio aspect) => SettingsFor(aspect)?.Loudness ?? Loudness;

    public ReframeMode ReframeFor(AspectRatio aspect) => SettingsFor(aspect)?.Reframe ?? Reframe;

    private AspectSettings? SettingsFor(AspectRatio aspect) => AspectSettings.FirstOrDefault(s => s.Ratio == aspect);

    /// <summary>Whether shot <paramref name="index"/> continues a sequence: the shot before it is in the same sequence, so it starts from that shot's last frame.</summary>
    public bool ContinuesSequence(int index) =>
        index > 0 && index < Shots.Count && Shots[index].Sequence is { } sequence && Shots[index - 1].Sequence == sequence;

    /// <summary>Every file the order refers to, with the field that names it.</summary>
    public IEnumerable<(string Field, string Path)> ReferencedFiles()
    {
        if (Music is not null) yield return ("music", Music);
        if (Logo is not null) yield return ("logo", Logo);
        if (Script is not null) yield return ("script", Script);
        if (Workflow is not null) yield return ("workflow", Workflow);
        for (var p = 0; p < LookPictures.Count; p++) yield return ($"look.pictures[{p}]", LookPictures[p]);
        for (var c = 0; c < Characters.Count; c++)
        {
            for (var p = 0; p < Characters[c].Pictures.Count; p++) yield return ($"characters[{c}].pictures[{p}]", Characters[c].Pictures[p]);
        }
        for (var i = 0; i < Shots.Count; i++)
        {
            if (Shots[i].Image is { } image) yield return ($"shots[{i}].image", image);
            if (Shots[i].LastImage is { } last) yield return ($"shots[{i}].lastImage", last);
            for (var r = 0; r < Shots[i].References.Count; r++) yield return ($"shots[{i}].references[{r}]", Shots[i].References[r]);
            if (Shots[i].VoiceOver is { } voiceOver) yield return ($"shots[{i}].voiceover", voiceOver);
            if (Shots[i].Clip is { } clip) yield return ($"shots[{i}].clip", clip);
        }
    }

    /// <summary>The files whose content goes into clips' content keys: shots' pictures and own clips, the cast's pictures, the workflow graph.</summary>
    public IEnumerable<string> CastingFiles() => ReferencedFiles()
        .Where(f => f.Field.StartsWith("shots[", StringComparison.Ordinal) || f.Field.StartsWith("characters[", StringComparison.Ordinal) || f.Field == "workflow")
        .Where(f => !f.Field.EndsWith(".voiceover", StringComparison.Ordinal))
        .Select(f => f.Path)
        .Distinct(StringComparer.Ordinal);

    /// <summary>The same order with every referenced path passed through <paramref name="map"/>.</summary>
    public FilmOrder MapPaths(Func<string, string> map) => this with
    {
        Music = Music is null ? null : map(Music),
        Logo = Logo is null ? null : map(Logo),
        Script = Script is null ? null : map(Script),
        Workflow = Workflow is null ? null : map(Workflow),
        LookPictures = LookPictures.Select(map).ToList(),
        Characters = Characters.Select(c => c with { Pictures = c.Pictures.Select(map).ToList() }).ToList(),
        Shots = Shots.Select(s => s with
        {
            Image = s.Image is null ? null : map(s.Image),
            LastImage = s.LastImage is null ? null : map(s.LastImage),
            References = s.References.Select(map).ToList(),
            VoiceOver = s.VoiceOver is null ? null : map(s.VoiceOver),
            Clip = s.Clip is null ? null : map(s.Clip),
        }).ToList(),
    };
}

/// <summary>One shot as ordered (or as planned).</summary>
public sealed record ShotSpec
{
    public required string Id { get; init; }

    public required string Prompt { get; init; }

    public double Seconds { get; init; } = 5;

    /// <summary>A clip of one's own footage that is the shot (path relative to the order, or store name once staged): no model makes it.</summary>
    public string? Clip { get; init; }

    /// <summary>
    /// 'seconds: auto': the shot lasts as long as its narration and dialogue take to say (see
    /// <see cref="Speech.ShotLengths"/>); <see cref="Seconds"/> holds that length once it is known.
    /// </summary>
    public bool AutoSeconds { get; init; }

    /// <summary>Reference image for image-to-video (path relative to the order, or store name once staged).</summary>
    public string? Image { get; init; }

    /// <summary>Picture the shot ends on (path relative to the order, or store name once staged).</summary>
    public string? LastImage { get; init; }

    /// <summary>Images of characters, objects or a look the shot keeps (reference-to-video).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Ids of the characters in the shot (<see cref="FilmOrder.Characters"/>).</summary>
    public IReadOnlyList<string> Cast { get; init; } = [];

    /// <summary>The sequence the shot belongs to: it starts from the last frame of the sequence's shot before it.</summary>
    public string? Sequence { get; init; }

    public CameraMove Camera { get; init; } = CameraMove.Static;

    /// <summary>Caption per language tag.</summary>
    public IReadOnlyDictionary<string, string> Captions { get; init; } = new Dictionary<string, string>();

    /// <summary>Overrides the order's default model.</summary>
    public string? Model { get; init; }

    public long? Seed { get; init; }

    /// <summary>How this shot hands over to the next one; the order's default when null.</summary>
    public TransitionSpec? Transition { get; init; }

    /// <summary>The point a crop to another aspect ratio keeps in view; the centre when null.</summary>
    public FocusPoint? Focus { get; init; }

    /// <summary>Voice-over audio file played from the start of the shot.</summary>
    public string? VoiceOver { get; init; }

    /// <summary>A title shown in the middle of the picture during the shot.</summary>
    public string? Title { get; init; }

    /// <summary>What the narrator says during the shot, per language tag; the spoken language is heard, every language captioned.</summary>
    public IReadOnlyDictionary<string, string> Narration { get; init; } = new Dictionary<string, string>();

    /// <summary>The characters' lines in the shot, spoken in turn after the narration, each in its character's voice.</summary>
    public IReadOnlyList<DialogueLine> Dialogue { get; init; } = [];

    /// <summary>Whether anything is spoken in the shot.</summary>
    public bool Speaks => Narration.Count > 0 || Dialogue.Count > 0;
}

public sealed record Budget(decimal Limit, string Currency = "USD");

/// <summary>Whether a person must approve the storyboard before money is spent on shots.</summary>
public sealed record ApprovalSpec(bool Required, double TimeoutHours = 72)
{
    public static readonly ApprovalSpec None = new(false);
}
