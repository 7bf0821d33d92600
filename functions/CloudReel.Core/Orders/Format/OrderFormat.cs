namespace CloudReel.Core.Orders;

/// <summary>
/// The film order format, said once: every field with its type, limits, default and description.
/// Structural validation, the JSON Schema and did-you-mean hints are all driven from here.
/// </summary>
internal static class OrderFormat
{
    private const long MB = 1024 * 1024;

    /// <summary>A text of a template that is one placeholder, e.g. "{{ night_market }}".</summary>
    public const string WholePlaceholder = @"^\s*\{\{[^{}]*\}\}\s*$";

    /// <summary>A template's placeholder anywhere in a text (the schema lets it stand for any scalar value).</summary>
    public const string AnyPlaceholder = @"\{\{[^{}]*\}\}";

    public static readonly PathType Image = new([".png", ".jpg", ".jpeg", ".webp"], 20 * MB, "image");
    public static readonly PathType Logo = Image with { MaxBytes = 5 * MB };
    public static readonly PathType Music = new([".mp3", ".m4a", ".aac", ".wav", ".flac", ".ogg"], 50 * MB, "audio file");
    public static readonly PathType Script = new([".fountain", ".txt"], 1 * MB, "screenplay");
    public static readonly PathType Workflow = new([".json"], 1 * MB, "workflow graph");

    /// <summary>The most subject references a shot may carry (Vidu's reference-to-video takes up to 7).</summary>
    public const int MaxReferences = 7;

    public static readonly PathType VoiceOver = Music with { MaxBytes = 20 * MB };

    /// <summary>A clip of one's own footage that stands for a shot (no model makes it).</summary>
    public static readonly PathType Video = new([".mp4", ".mov", ".webm"], 100 * MB, "video clip");

    /// <summary>What a shot made of one's own clip may not have: everything that only steers a model.</summary>
    public static readonly IReadOnlyList<string> NotWithClip = ["image", "lastImage", "references", "sequence", "cast", "model", "seed"];

    private static readonly TextType ShotId = new()
    {
        Pattern = "^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$",
        PatternHint = "1–40 lower-case letters, digits and dashes, not starting or ending with a dash",
        Example = "bund-at-dusk",
    };

    private static readonly ChoiceType CornerName = new(KebabNames.All<Corner>(), "corner");

    private static readonly ChoiceType AspectName = new(AspectRatio.Supported.Select(a => a.ToString()).ToList(), "aspect ratio");

    private static readonly ChoiceType ReframeName = new(KebabNames.All<ReframeMode>(), "reframe mode")
    {
        Description = "crop: a window of the new shape around each shot's focus point; blur: the whole picture over a blurred copy of itself.",
    };

    private static readonly FieldType Loudness = new OneOfType(
    [
        new ChoiceType(LoudnessTarget.PresetNames, "loudness preset")
        {
            Description = "streaming: -14 LUFS (social and streaming platforms); broadcast: -23 LUFS (EBU R128).",
        },
        new NumberType { Minimum = LoudnessTarget.MinLufs, Maximum = LoudnessTarget.MaxLufs, Unit = "LUFS", Description = "Integrated loudness in LUFS, -36 to -5." },
    ]) { DefName = "loudness" };

    private static readonly FieldType Aspect = new OneOfType(
    [
        AspectName with { Description = "An output aspect ratio." },
        new ObjectType("aspect",
        [
            new("ratio", AspectName, "The output aspect ratio.") { Required = true },
            new("loudness", Loudness, "Loudness of this rendition; the order's 'loudness' when absent."),
            new("reframe", ReframeName, "How this rendition is reframed; the order's 'reframe' when absent."),
        ]) { Description = "An output aspect ratio with its own loudness or reframing." },
    ]);

    private static readonly NumberType FadeSeconds = new() { Minimum = 0, Maximum = 10, Unit = "seconds" };

    private static readonly FieldType MusicField = new OneOfType(
    [
        Music with { Description = "The music file: a path relative to the order file." },
        new ObjectType("music",
        [
            new("file", Music, "The music file: a path relative to the order file, .mp3 .m4a .aac .wav .flac or .ogg, at most 50 MB.") { Required = true },
            new("volume", new NumberType { Minimum = 0, Maximum = 1, Unit = "" },
                "Gain on top of the automatic level that sets music under the clips' own sound, 0–1.") { Default = MusicMix.Default.Volume },
            new("fadeIn", FadeSeconds, "Fade-in at the start of the film, 0–10 s.") { Default = MusicMix.Default.FadeInSeconds },
            new("fadeOut", FadeSeconds, "Fade-out at the end of the film, 0–10 s.") { Default = MusicMix.Default.FadeOutSeconds },
            new("loop", new BooleanType(), "Repeat music shorter than the film.") { Default = true },
            new("duck", new BooleanType(), "Dip the music under voice-overs and under clips with their own sound.") { Default = true },
        ]) { Description = "The music file and how it sits in the mix." },
    ]);

    private static readonly FieldType LogoField = new OneOfType(
    [
        Logo with { Description = "The logo file: a path relative to the order file." },
        new ObjectType("logo",
        [
            new("file", Logo, "The logo file: a path relative to the order file, .png .jpg .jpeg or .webp, at most 5 MB.") { Required = true },
            new("position", CornerName, "The corner it sits in, inside the safe area.") { Default = "top-right" },
            new("width", new NumberType { Minimum = 0.03, Maximum = 0.5, Unit = "" },
                "Width as a share of the picture's width, 0.03–0.5.") { Default = LogoPlacement.Default.Width },
            new("opacity", new NumberType { Minimum = 0.1, Maximum = 1, Unit = "" }, "0.1 (faint) to 1 (solid).") { Default = LogoPlacement.Default.Opacity },
        ]) { Description = "The logo file and where it sits." },
    ]);

    private static readonly TextType LabelText = new() { MinLength = 1, MaxLength = 40 };

    private static readonly FieldType LabelField = new OneOfType(
    [
        LabelText with { Description = "The label's text, e.g. 'AI生成'." },
        new ObjectType("label",
        [
            new("text", LabelText, "The label's text, 1–40 characters, e.g. 'AI生成'.") { Required = true },
            new("position", CornerName, "The corner it sits in, inside the safe area.") { Default = "top-left" },
            new("show", new ChoiceType(KebabNames.All<LabelShow>(), "label timing"),
                "start: the first seconds (as the labelling rules require); start-end: also the last seconds; always: the whole film.") { Default = "start-end" },
            new("seconds", new NumberType { Minimum = LabelDisplay.MinSeconds, Maximum = 30, Unit = "seconds" },
                "How long each appearance lasts, 2–30 s (the rules ask for at least 2 s).") { Default = LabelDisplay.Default.Seconds },
        ]) { Description = "The label's text, where it sits and when it shows." },
    ]);

    private static readonly FieldType Poster = new OneOfType(
    [
        ShotId with { Description = "The shot whose middle frame is the poster." },
        new ObjectType("poster",
        [
            new("shot", ShotId, "The shot the poster frame is taken from.") { Required = true },
            new("at", new NumberType { Minimum = 0, Maximum = 60, Unit = "seconds" }, "Seconds into the shot, 0–60; its middle when absent."),
        ]) { Description = "The shot and the moment in it." },
    ]);

    private static readonly ObjectType Focus = new("focus point",
    [
        new("x", new NumberType { Minimum = 0, Maximum = 1, Unit = "" }, "0 is the left edge, 1 the right edge.") { Default = 0.5 },
        new("y", new NumberType { Minimum = 0, Maximum = 1, Unit = "" }, "0 is the top edge, 1 the bottom edge.") { Default = 0.5 },
    ]) { Description = "The point a crop to another aspect ratio keeps in view." };

    private static readonly TextType ModelName = new()
    {
        MinLength = 1,
        MaxLength = 80,
        Description = "A video model name as configured, e.g. 'animatic', 'kling-v2-1' or 'sora-2'.",
    };

    private static readonly TextType LanguageTag = new()
    {
        Pattern = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        PatternHint = "a BCP 47 language tag such as 'en', 'zh-CN' or 'pt-BR'",
        Explain = TextRules.ExplainLanguageTag,
        Description = "A BCP 47 language tag such as 'en', 'zh-CN' or 'pt-BR'.",
    };

    private static readonly TextType CaptionText = new()
    {
        MinLength = 1,
        Pattern = @"^[^\u0000-\u001F\u007F-\u009F]*(\n[^\u0000-\u001F\u007F-\u009F]*)?$",
        PatternHint = "at most 2 lines and no control characters",
        Explain = TextRules.ExplainCaption,
        Description = "Caption text: at most 2 lines and 84 columns in all (CJK and fullwidth characters take 2).",
    };

    private static readonly ChoiceType TransitionName = new(TransitionNames.All, "transition");

    private static readonly FieldType Transition = new OneOfType(
    [
        TransitionName with { Description = "A transition by name; it lasts 0.5 s (a cut has no length)." },
        new ObjectType("transition",
        [
            new("type", TransitionName, "The transition.") { Required = true },
            new("seconds", new NumberType { Minimum = 0.1, Maximum = 2.0, Unit = "seconds" },
                "How long the two shots overlap on screen, 0.1–2.0 s; a cut has no length.") { Default = TransitionSpec.DefaultSeconds },
        ]) { Description = "A transition with its length." },
    ]) { DefName = "transition" };

    private static readonly NumberType BudgetLimit = new() { ExclusiveMinimum = 0, Maximum = 100_000, Unit = "" };

    private static readonly FieldType Budget = new OneOfType(
    [
        BudgetLimit with { Description = "The most the film may cost, in USD." },
        new ObjectType("budget",
        [
            new("limit", BudgetLimit, "The most the film may cost.") { Required = true },
            new("currency", new TextType { Pattern = "^[A-Z]{3}$", PatternHint = "a three-letter ISO 4217 code", Example = "USD" },
                "ISO 4217 currency code.") { Default = "USD" },
        ]) { Description = "The most the film may cost, in a currency." },
    ]);

    private static readonly FieldType Approval = new OneOfType(
    [
        new BooleanType { Description = "true: a person approves the storyboard before shots are generated (waits up to 72 hours)." },
        new ObjectType("approval",
        [
            new("required", new BooleanType(), "Whether a person must approve the storyboard.") { Default = true },
            new("timeoutHours", new NumberType { Minimum = 0.1, Maximum = 720, Unit = "hours" },
                "How long to wait for the approval before the film fails, 0.1–720 hours.") { Default = 72 },
        ]) { Description = "Storyboard approval with its timeout." },
    ]);

    private static readonly FieldType Caption = new OneOfType(
    [
        CaptionText with { Description = "Caption in the order's first language." },
        new MapType(LanguageTag, CaptionText, "language tag to caption")
        {
            MinEntries = 1,
            Description = "Caption per language; each key must be one of the order's 'languages'.",
        },
    ]);

    private static readonly TextType CharacterId = ShotId with { Example = "mei" };

    private static readonly TextType OneLine = new() { Pattern = @"^[^\u0000-\u001F\u007F-\u009F]*$", PatternHint = "one line without control characters" };

    private static readonly ListType Pictures = new(Image, "image paths") { MinItems = 1, MaxItems = MaxReferences, Unique = true };

    private static readonly TextType VoiceName = OneLine with { MinLength = 1, MaxLength = 120, Example = "zh-CN-XiaoxiaoNeural" };

    private static readonly MapType VoicePerLanguage = new(LanguageTag, VoiceName, "language tag to voice name")
    {
        MinEntries = 1,
        Description = "A voice per language; each key must be one of the order's 'languages'.",
    };

    private static readonly FieldType CharacterVoice = new OneOfType(
    [
        VoiceName with { Description = "The voice the character speaks every language in, as the speech provider names it." },
        VoicePerLanguage with { Description = "The character's voice per language, as the speech provider names them." },
    ]);

    private static readonly TextType SpokenText = new()
    {
        MinLength = 1,
        MaxLength = 1000,
        Pattern = @"^[^\u0000-\u0009\u000B-\u001F\u007F-\u009F]*$",
        PatternHint = "no control characters",
        Description = "Words to be spoken, up to 1000 characters.",
    };

    private static readonly FieldType Spoken = new OneOfType(
    [
        SpokenText with { Description = "Words in the order's first language." },
        new MapType(LanguageTag, SpokenText, "language tag to words")
        {
            MinEntries = 1,
            Description = "The words per language; each key must be one of the order's 'languages'. The spoken language is heard, every language is captioned.",
        },
    ]);

    private static readonly ObjectType DialogueLineType = new("dialogue line",
    [
        new("character", CharacterId, "Who says it: a character id from 'characters'; the line is spoken in that character's voice.") { Required = true },
        new("line", Spoken, "What the character says: words in the first language, or per language.") { Required = true },
    ]) { DefName = "dialogueLine", Description = "A character's line." };

    private static readonly ObjectType Voice = new("voice",
    [
        new("provider", new ChoiceType(Speech.SpeechProviders.All, "speech provider")
        {
            Description = "azure-speech: Azure AI Speech neural voices; espeak: espeak-ng, free and offline, a robotic preview voice; openai-compatible: an OpenAI-compatible /v1/audio/speech endpoint.",
        }, "Who speaks the film; the host's default (Azure AI Speech when configured, else espeak) when absent."),
        new("language", LanguageTag, "The language the film speaks, one of 'languages'; the first of them when absent. The other languages are captions."),
        new("voices", VoicePerLanguage, "The narrator's voice per language, as the provider names it (`cloudreel voices` lists them); the provider's default voice for a language without one."),
        new("rate", new NumberType { Minimum = 0.5, Maximum = 2, Unit = "" }, "Speaking rate, 0.5–2; 1 is the voice's normal pace.") { Default = 1 },
        new("pitch", new NumberType { Minimum = -12, Maximum = 12, Unit = "semitones" }, "Pitch shift in semitones, -12 to 12.") { Default = 0 },
        new("style", OneLine with { MinLength = 1, MaxLength = 40, Example = "cheerful" }, "A speaking style of the voice, e.g. 'cheerful' or 'narration-relaxed' (Azure voices that have styles)."),
    ]) { Description = "How the film speaks its narration and dialogue." };

    private static readonly ObjectType Character = new("character",
    [
        new("id", CharacterId, "Character id, unique in the order; shots name the character by it in their 'cast'.") { Required = true },
        new("name", OneLine with { MinLength = 1, MaxLength = 60 }, "How prompts name the character, 1–60 characters, e.g. 'Mei'.") { Required = true },
        new("look", new TextType { MinLength = 1, MaxLength = 1000 },
            "The character's fixed look: age, build, face, hair, clothes, colours, up to 1000 characters; written into the prompt of every shot the character is in.") { Required = true },
        new("pictures", Pictures, "1–7 reference pictures of the character (paths relative to the order file, .png .jpg .jpeg or .webp, at most 20 MB each); models that keep subjects from pictures get them."),
        new("voice", CharacterVoice, "The character's voice, as the speech provider names it: one for every language, or one per language. Its dialogue is always spoken in it."),
    ]) { DefName = "character", Description = "A recurring character with one fixed look." };

    private static readonly ObjectType Look = new("look",
    [
        new("style", new TextType { MaxLength = 400 }, "The film's style, added to every prompt (instead of the order's 'style')."),
        new("pictures", Pictures, "1–7 pictures of the look (paths relative to the order file): style references for the judge and for models that take them."),
    ]) { Description = "The film's look: its style text and pictures of it." };

    private static readonly ObjectType Qa = new("qa",
    [
        new("retries", new NumberType { Integer = true, Minimum = 0, Maximum = 5, Unit = "" },
            "New takes (with a new seed) a shot gets after a take fails the checks, 0–5, within the budget.") { Default = QaSpec.DefaultRetries },
        new("checks", new ListType(new ChoiceType(KebabNames.All<QaCheck>(), "check"), "check names") { Unique = true },
            "The checks every new clip goes through: freeze, black, cut (a hard cut inside the shot), duration, sound (where the model makes sound), judge (where a vision deployment is configured).") { Default = KebabNames.All<QaCheck>() },
        new("onFail", new ChoiceType(KebabNames.All<QaFailure>(), "failure rule"),
            "When the retries are spent: fallback (the next model of the chain), fail (the shot fails with the checks' reasons) or accept (the last take is kept).") { Default = "fallback" },
        new("minScore", new NumberType { Minimum = 0, Maximum = 1, Unit = "" }, "The lowest judge score (0–1) a take passes with; the judge's setting when absent."),
    ]) { Description = "Quality checks on every new clip, and retakes." };

    private static readonly ObjectType Variable = new("variable",
    [
        new("type", new ChoiceType(Templates.TemplateVariable.KindNames, "variable type"),
            "string, number, boolean, enum (one of 'values'), file, image (a path relative to the template) or list (in CSV: items separated by '|').") { Default = "string" },
        new("default", new OneOfType([new TextType(), new NumberType(), new BooleanType(), new ListType(new TextType(), "items")]),
            "The value when a row leaves it empty."),
        new("required", new BooleanType(), "A row must give it; true when there is no default."),
        new("description", new TextType { MaxLength = 400 }, "What the variable is, for people filling the data."),
        new("values", new ListType(new TextType { MinLength = 1 }, "names") { MinItems = 1, Unique = true }, "The names an enum allows."),
    ]) { Description = "A variable: its type, default and description." };

    private static readonly MapType Variables = new(
        new TextType { Pattern = "^[A-Za-z][A-Za-z0-9_]{0,63}$", PatternHint = "a variable name: letters, digits and '_', starting with a letter", Example = "city" },
        new OneOfType([new ChoiceType(Templates.TemplateVariable.KindNames, "variable type") { Description = "The variable's type." }, Variable]),
        "variable name to declaration")
    {
        MinEntries = 1,
        Description = "A template's variables, each filled from a data column per film: name to type, or to {type, default, required, description, values}.",
    };

    public static readonly ObjectType Shot = new("shot",
    [
        new("id", ShotId, "Shot id, unique in the order: lower-case letters, digits and dashes, up to 40.") { Required = true },
        new("prompt", new TextType { MinLength = 1, MaxLength = 2000 },
            "What the shot shows, 1–2000 characters (some models take fewer); a shot made of a 'clip' needs none.") { RequiredUnless = "clip" },
        new("seconds", new OneOfType(
            [
                new NumberType { Minimum = 1, Maximum = 60, Unit = "seconds", Description = "Length of the shot in seconds, 1–60; the shot's model must offer it." },
                new ChoiceType([Speech.ShotLengths.Auto], "length")
                {
                    Explain = text => $"expected a number of seconds or 'auto', found text '{NodeText.Quote(text)}'",
                    Description = "auto: as long as the shot's narration and dialogue take to say, padded, at the nearest length its model offers.",
                },
            ]),
            "Length of the shot in seconds, 1–60 (the shot's model must offer it), or 'auto' to follow its narration. A 'clip' is cut to it; without it, the clip's own length (at most 60).") { Default = 5 },
        new("clip", Video,
            "A clip of one's own footage as the shot, instead of a generated one: a path relative to the order file, .mp4 .mov or .webm, at most 100 MB; no model makes it and it costs nothing. Not with image, lastImage, references, sequence, cast, model or seed.")
        {
            NotWith = NotWithClip,
        },
        new("image", Image with { AllowsHttpsUrl = true },
            "Reference image to start from (image-to-video): a path relative to the order file, or an https URL of a public host (fetched once when the film starts); .png .jpg .jpeg or .webp, at most 20 MB."),
        new("lastImage", Image, "Picture the shot ends on (first-and-last-frame video); needs 'image' and a model that can do it."),
        new("references", new ListType(Image, "image paths") { MinItems = 1, MaxItems = MaxReferences, Unique = true },
            "Images of characters, objects or a look the shot keeps (reference-to-video), 1–7; not together with 'image'."),
        new("cast", new ListType(CharacterId, "character ids") { MinItems = 1, MaxItems = MaxReferences, Unique = true },
            "The characters in the shot, by id: their looks go into the prompt, their pictures to models that keep subjects from pictures."),
        new("sequence", ShotId with { Example = "harbour-run", Description = "A sequence name." },
            "Shots with the same sequence flow into each other: each starts from the last frame of the one before (image-to-video); they must follow one another."),
        new("camera", new ChoiceType(CameraMoves.All, "camera move"), "Camera move.") { Default = "static" },
        new("caption", Caption, "Caption shown during the shot: text in the first language, or a mapping of language to text."),
        new("model", ModelName, "Video model for this shot; the order's model when absent."),
        new("seed", new NumberType { Integer = true, Minimum = 0, Maximum = 4_294_967_295 }, "Random seed for models that take one, 0–4294967295."),
        new("transition", Transition, "How this shot hands over to the next one; the order's transition when absent."),
        new("focus", Focus, "The point a crop to another aspect ratio keeps in view: {x, y}, each 0–1; the centre when absent."),
        new("when", new OneOfType([new BooleanType(), new TextType { Pattern = WholePlaceholder, PatternHint = "a placeholder such as \"{{ flag }}\"" }]),
            "Templates only: keep the shot when the placeholder's value is true (false, 0, empty, 'no' drop it).") { TemplateOnly = true },
        new("repeat", new TextType { Pattern = "^[A-Za-z][A-Za-z0-9_]{0,63}$", PatternHint = "a list variable's name", Example = "dishes" },
            "Templates only: make the shot once per item of this list variable; {{ item }} (or {{ item.field }}) and {{ index }} (from 1) inside.") { TemplateOnly = true },
        new("voiceover", VoiceOver, "Voice-over played from the start of the shot: a path relative to the order file, .mp3 .m4a .aac .wav .flac or .ogg, at most 20 MB."),
        new("title", new TextType
        {
            MinLength = 1,
            MaxLength = 60,
            Pattern = @"^[^\u0000-\u001F\u007F-\u009F]*$",
            PatternHint = "one line without control characters",
        }, "A title shown in the middle of the picture during the shot, one line of up to 60 characters."),
        new("narration", Spoken, "What the narrator says during the shot: words in the first language, or per language (the spoken language is heard in the order's 'voice', every language is captioned)."),
        new("dialogue", new ListType(DialogueLineType, "dialogue lines") { MinItems = 1, MaxItems = 20 },
            "The characters' lines in the shot, spoken in turn after the narration, each in its character's voice: [{character, line}]."),
    ]) { DefName = "shot", Description = "One shot of the film." };

    public static readonly ObjectType Order = new("order",
    [
        new("$schema", new TextType(), "The JSON Schema this file follows; CloudReel ignores it."),
        new("title", new TextType { MinLength = 1, MaxLength = 120 }, "Film title, 1–120 characters.") { Required = true },
        new("style", new TextType { MaxLength = 400 }, "Look of the film, added to every prompt, e.g. 'clay animation, miniature set'."),
        new("look", Look, "The film's look: {style, pictures}; 'style' inside it instead of the order's 'style'."),
        new("characters", new ListType(Character, "characters") { MinItems = 1, MaxItems = 20 },
            "The cast: recurring characters, each with an id, a name, one fixed look and 1–7 reference pictures; shots name theirs in 'cast'."),
        new("voice", Voice, "How the film speaks its narration and dialogue: {provider, language, voices, rate, pitch, style}."),
        new("languages", new ListType(LanguageTag, "language tags") { MaxItems = 4, Unique = true },
            "Caption languages as BCP 47 tags, at most 4; the first is burned into the picture."),
        new("aspects", new ListType(Aspect, "aspect ratios")
        {
            MinItems = 1,
            Unique = true,
        }, "Output aspect ratios, each a ratio or {ratio, loudness, reframe}; the first is the master the shots are generated for.") { Default = new[] { "16:9" } },
        new("resolution", new TextType
        {
            Pattern = "^(?:14[468]|1[5-9][02468]|[2-9][0-9][02468]|1[0-9]{2}[02468]|20[0-9][02468]|21[0-5][02468]|2160)p$",
            Explain = TextRules.ExplainResolution,
            PatternHint = "an even number of lines from 144p to 2160p",
            Example = "1080p",
        }, "Short side of the picture in pixels with a 'p': an even number from 144p to 2160p.") { Default = "1080p" },
        new("fps", new NumberType { Integer = true, Values = [24, 25, 30, 50, 60] }, "Frames per second.") { Default = 30 },
        new("model", ModelName, "Default video model for shots that name none.") { Default = "animatic" },
        new("fallback", new ListType(ModelName, "model names") { MaxItems = 5, Unique = true },
            "Models tried in turn when a shot's model refuses or fails, at most 5."),
        new("workflow", Workflow, "A ComfyUI workflow graph in API format for the 'comfyui' model, with {{prompt}}, {{seed}}, {{width}}, {{height}}, {{seconds}}, {{frames}} and {{image}} placeholders: a path relative to the order file, .json, at most 1 MB."),
        new("budget", Budget, "The most the film may cost: a number of USD, or a mapping with 'limit' and 'currency'."),
        new("reframe", ReframeName, "How renditions of other aspect ratios are made from the master's picture.") { Default = "crop" },
        new("loudness", Loudness, "Loudness of every rendition: streaming (-14 LUFS), broadcast (-23 LUFS) or a number of LUFS.") { Default = "streaming" },
        new("music", MusicField, "Music for the film: a path relative to the order file (.mp3 .m4a .aac .wav .flac or .ogg, at most 50 MB), or {file, volume, fadeIn, fadeOut, loop, duck}."),
        new("logo", LogoField, "Logo shown on the film: a path relative to the order file (.png .jpg .jpeg or .webp, at most 5 MB), or {file, position, width, opacity}."),
        new("label", LabelField, "Visible AI-content label, e.g. 'AI生成' (1–40 characters), or {text, position, show, seconds}."),
        new("captionStyle", new ChoiceType(KebabNames.All<CaptionStyle>(), "caption style"),
            "Captions burned into the picture: single (the first language), bilingual (the first two, one line each) or none.") { Default = "single" },
        new("poster", Poster, "The frame of poster.jpg: a shot id, or {shot, at}; the sharpest frame when absent."),
        new("cleanMaster", new BooleanType(), "Also write a clean master for editors, with nothing burned in.") { Default = true },
        new("transition", Transition, "How shots hand over to each other unless a shot says otherwise.") { Default = "crossfade" },
        new("approval", Approval, "Whether a person approves the storyboard before money is spent on shots.") { Default = false },
        new("qa", Qa, "Quality checks on every new clip and how many retakes a failing shot gets: {retries, checks, onFail, minScore}."),
        new("duration", new NumberType { Minimum = 5, Maximum = 600, Unit = "seconds" },
            "Target film length in seconds for the planner, 5–600; only with 'brief' or 'script'.") { OnlyWith = ["brief", "script"] },
        new("brief", new TextType { MinLength = 1, MaxLength = 20_000 }, "Free text the planner turns into shots, up to 20000 characters."),
        new("script", Script, "A Fountain screenplay the planner turns into shots: a path relative to the order file, .fountain or .txt, at most 1 MB."),
        new("shots", new ListType(Shot, "shots") { MinItems = 1, MaxItems = 200 }, "The shots, in order, 1–200."),
        new("variables", Variables, "Templates only (`cloudreel batch TEMPLATE DATA`): the variables whose {{ name }} placeholders each row of data fills.") { TemplateOnly = true },
    ])
    {
        ExactlyOneOf = ["shots", "brief", "script"],
        Description = "A CloudReel film order: what to make, in which style, from which shots (or a brief or script for the planner).",
    };
}
