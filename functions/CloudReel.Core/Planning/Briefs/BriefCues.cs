using System.Text.RegularExpressions;

namespace CloudReel.Core.Planning.Briefs;

/// <summary>What a labelled line of a brief is about, by its label ("Length: 45 s", "VO: …", "Visual: …").</summary>
internal enum CueKind
{
    /// <summary>No label: ordinary text.</summary>
    None,

    Title,
    Length,
    Style,
    Languages,

    /// <summary>About the job, not the picture: client, audience, deliverables, notes.</summary>
    Note,

    /// <summary>Words the viewer reads or hears: voice-over, caption, super, tagline, dialogue.</summary>
    Caption,

    /// <summary>What the camera sees: "Visual:", "Shot 3:", "画面：".</summary>
    Picture,

    /// <summary>How it is shot or cut: camera, transition.</summary>
    Camera,

    /// <summary>What is heard but not read: sound effects, music.</summary>
    Sound,
}

/// <summary>
/// The labels, headings and stage-direction phrases briefs are written with, in English and
/// Chinese, and what each says about the text after it.
/// </summary>
internal static partial class BriefCues
{
    private static readonly (CueKind Kind, string[] Labels)[] Labels =
    [
        (CueKind.Title, ["title", "film title", "project", "project name", "name", "working title", "标题", "片名", "名称", "项目名称"]),
        (CueKind.Length, ["length", "duration", "runtime", "run time", "running time", "target length", "total length", "video length", "film length", "时长", "片长", "长度", "总时长", "视频时长"]),
        (CueKind.Style, ["style", "visual style", "look", "look and feel", "look & feel", "art style", "aesthetic", "visual look", "art direction", "风格", "画风", "视觉风格", "美术风格", "影像风格", "画面风格", "整体风格"]),
        (CueKind.Languages, ["language", "languages", "caption languages", "subtitle languages", "captions in", "语言", "字幕语言"]),
        (CueKind.Note, ["client", "brand", "product", "company", "agency", "audience", "target audience", "objective", "objectives", "goal", "goals", "purpose",
            "platform", "platforms", "channel", "channels", "format", "aspect", "aspect ratio", "deliverables", "deliverable", "deadline", "due", "budget",
            "tone", "mood", "notes", "note", "contact", "reference", "references", "cta", "call to action", "key message", "key messages", "usage", "date",
            "客户", "品牌", "产品", "公司", "受众", "目标受众", "目标", "目的", "平台", "渠道", "格式", "画幅", "交付", "截止", "预算", "基调", "情绪", "备注", "说明",
            "要求", "参考", "联系人", "用途", "日期", "主题", "项目", "背景"]),
        (CueKind.Caption, ["vo", "v.o", "v/o", "voice-over", "voiceover", "voice over", "narration", "narrator", "caption", "captions", "subtitle", "subtitles",
            "super", "on-screen text", "onscreen text", "on screen text", "text on screen", "title card", "text", "copy", "tagline", "slogan", "line", "dialogue", "quote",
            "旁白", "解说", "解说词", "画外音", "字幕", "台词", "口号", "标语", "文案", "配音", "独白", "对白", "广告语"]),
        (CueKind.Picture, ["visual", "visuals", "picture", "image", "shot", "scene", "action", "video", "画面", "镜头", "场景", "内容", "分镜"]),
        (CueKind.Camera, ["camera", "camera move", "movement", "angle", "transition", "cut", "运镜", "机位", "景别", "转场"]),
        (CueKind.Sound, ["sfx", "sound", "sounds", "sound effect", "sound effects", "audio", "music", "soundtrack", "song", "ambience", "ambient", "音效", "音乐", "配乐", "声音", "背景音乐", "bgm"]),
    ];

    private static readonly Dictionary<string, CueKind> ByLabel = Labels
        .SelectMany(l => l.Labels.Select(label => (label, l.Kind)))
        .ToDictionary(p => p.label, p => p.Kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A line or sentence that starts with a known label: the label's kind and the text after it.
    /// "Shot 3: …", "Scene 2 — …" and "镜头1：…" count as picture labels.
    /// </summary>
    public static (CueKind Kind, string Value) Read(string text)
    {
        var match = Label().Match(text);
        if (!match.Success) return (CueKind.None, text);
        var written = Parenthesis().Replace(match.Groups["label"].Value, "").Trim();
        var label = Numbered().Replace(written, "").Trim().TrimEnd('.');
        // "Shot 3:", "镜头1：", "2:" name a shot by its number.
        if (label.Length == 0 && written.Length > 0) return (CueKind.Picture, text[match.Length..].Trim());
        return ByLabel.TryGetValue(label, out var kind) ? (kind, text[match.Length..].Trim()) : (CueKind.None, text);
    }

    /// <summary>What a section heading makes of the text under it.</summary>
    public static SectionKind Section(string heading)
    {
        var text = Numbered().Replace(heading.Trim().TrimEnd(':', '：'), "").Trim().ToLowerInvariant();
        if (text.Length == 0) return SectionKind.Scene;
        foreach (var (kind, pattern) in SectionPatterns)
        {
            if (pattern.IsMatch(text)) return kind;
        }
        return SectionKind.Scene;
    }

    private static readonly (SectionKind Kind, Regex Pattern)[] SectionPatterns =
    [
        (SectionKind.Shots, ShotSection()),
        (SectionKind.Captions, CaptionSection()),
        (SectionKind.Style, StyleSection()),
        (SectionKind.Length, LengthSection()),
        (SectionKind.Notes, NoteSection()),
    ];

    /// <summary>Camera and cutting jargon a stage direction starts with ("Close on …", "航拍…").</summary>
    public static bool IsDirection(string sentence) => Direction().IsMatch(sentence.TrimStart());

    /// <summary>A direction that shows nothing: a sound cue, a fade, a cut, black.</summary>
    public static bool ShowsNothing(string sentence) => Blank().IsMatch(sentence.TrimStart());

    /// <summary>Nouns that make a sentence about the film rather than in it ("a 45-second promo").</summary>
    public static bool NamesTheFilm(string sentence) => FilmNoun().IsMatch(sentence);

    /// <summary>"Scene 1 — Opening" → "Opening"; "Shot 3" → "".</summary>
    public static string WithoutNumbering(string heading) =>
        Numbered().Replace(heading.Trim(), "").Trim(' ', '-', '–', '—', ':', '：', '.', '|', '·');

    // "Label:" at the start: up to four words, or up to eight CJK characters; bold markers already gone.
    [GeneratedRegex(@"^\s*(?<label>(?:[A-Za-z][A-Za-z0-9&/.\- ]{0,30}?|[\p{IsCJKUnifiedIdeographs}]{1,8}\s*\d*)(?:\s*[(（][^)）]{0,24}[)）])?)\s*[:：]\s*")]
    private static partial Regex Label();

    // "Shot 1 (0–5 s):": the timing in brackets is not part of the label.
    [GeneratedRegex(@"\s*[(（][^)）]*[)）]")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"^(?:(?:shot|scene|sc|part|act|frame|panel|step|sequence|beat)\.?\s*#?\d+[a-z]?|第?[\d一二三四五六七八九十]+[幕场镜个部分段]|镜头\s*\d+|场景\s*\d+|\d+[.)、]?)\s*[-–—:：.)]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(?:shots?|shot list|storyboard|story board|scenes?|sequence|sequences|script|outline|beats|visuals|the film|film|treatment|structure|content|分镜|分镜头|分镜脚本|镜头|镜头脚本|画面|画面内容|脚本|内容|故事板|场景|影片内容|视频内容|结构)$")]
    private static partial Regex ShotSection();

    [GeneratedRegex(@"^(?:voice[- ]?over|vo|v\.o\.|narration|narrator|captions?|subtitles?|copy|on-?screen text|supers?|dialogue|lines|taglines?|slogans?|旁白|解说|解说词|字幕|台词|文案|配音|广告语|口号)$")]
    private static partial Regex CaptionSection();

    [GeneratedRegex(@"^(?:style|visual style|look|look and feel|look & feel|art direction|aesthetic|风格|画风|视觉风格|美术风格)$")]
    private static partial Regex StyleSection();

    [GeneratedRegex(@"^(?:length|duration|runtime|时长|片长)$")]
    private static partial Regex LengthSection();

    [GeneratedRegex(@"^(?:background|context|overview|about|about the client|client|brand|objectives?|goals?|purpose|audience|target audience|notes?|production notes|deliverables|requirements|specs|specifications|technical|budget|timeline|schedule|references?|contacts?|music|sound|audio|tone|mood|key messages?|messaging|call to action|distribution|platforms?|背景|项目背景|概述|简介|客户|品牌|目标|目的|受众|目标受众|备注|说明|交付|交付物|要求|技术要求|规格|预算|排期|时间安排|参考|联系|音乐|配乐|声音|基调|传播|投放|平台)$")]
    private static partial Regex NoteSection();

    [GeneratedRegex(@"^(?:we\s+(?:see|open|follow|cut|pan|move|hear)\b|open(?:ing)?\s+(?:on|shot|with)\b|close\s+on\b|close[- ]?up\b|closeup\b|extreme\s+close|ecu\b|cu\b|wide(?:\s+shot|\s+on)\b|medium\s+shot|mid[- ]shot|long\s+shot|establishing\s+shot|aerial\b|drone\s+(?:shot|view)|overhead\s+shot|top[- ]down\b|pov\b|insert\b|cut\s+to\b|smash\s+cut|match\s+cut|jump\s+cut|fade\s+(?:in|out|up|to|from)\b|dissolve\s+to|pan\s+(?:across|to|over|left|right|up|down)\b|tilt\s+(?:up|down)\b|zoom\s+(?:in|out)\b|dolly\b|tracking\s+shot|track\s+(?:with|along)\b|push[- ]in\b|pull\s+(?:back|out)\b|crane\s+(?:up|down|shot)\b|slow[- ]motion\b|slo-?mo\b|time-?lapse\b|montage\b|end\s+(?:card|slate|frame)\b|title\s+card\b|logo\s+(?:card|lockup)\b|super\b|camera\b|镜头|特写|大特写|近景|中景|远景|全景|大远景|航拍|俯拍|仰拍|推镜头?|拉镜头?|摇镜头?|移镜头?|跟拍|切至|切到|切换到|转场|淡入|淡出|黑场|空镜|慢镜头|延时|定格|片尾|片头|结尾画面|落版)", RegexOptions.IgnoreCase)]
    private static partial Regex Direction();

    [GeneratedRegex(@"^(?:(?:the\s+)?(?:sound|sounds|music|sfx|audio|silence|ambience|noise)\b|we\s+hear\b|(?:open(?:ing)?\s+on\s+)?black(?:\s+screen)?\b|open(?:ing)?\s+on\s+black|fade\s+(?:in|out|up|to|from)\b|cut\s+to\b|smash\s+cut|dissolve\s+to|音效|音乐|配乐|声音|黑场|淡入|淡出|转场|切至|切到)", RegexOptions.IgnoreCase)]
    private static partial Regex Blank();

    [GeneratedRegex(@"\b(?:promo|promos|promotional|film|films|video|videos|spot|spots|ad|ads|advert|advertisement|commercial|teaser|trailer|short|clip|reel|reels|pre-roll|preroll|piece|sizzle|campaign|brand film|documentary|mv|music video|animation|vlog|explainer)\b|宣传片|短片|视频|影片|片子|广告|微电影|预告|片长|时长|动画片|纪录片|短视频|样片", RegexOptions.IgnoreCase)]
    private static partial Regex FilmNoun();
}

/// <summary>What a section of a brief holds, by its heading.</summary>
internal enum SectionKind
{
    /// <summary>A heading of its own ("Scene 2 — The stalls", "Spring"): a part of the film.</summary>
    Scene,

    /// <summary>"Shots", "Storyboard", "分镜": where the shots are.</summary>
    Shots,

    /// <summary>"Voice-over", "Captions", "旁白": words for the shots, in order.</summary>
    Captions,

    Style,
    Length,

    /// <summary>"Background", "Notes", "Deliverables": about the job, not the picture.</summary>
    Notes,
}
