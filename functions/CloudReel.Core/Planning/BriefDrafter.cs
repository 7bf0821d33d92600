using System.Text.RegularExpressions;
using CloudReel.Core.Planning.Briefs;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning;

/// <summary>
/// Drafts shots from a read brief: one shot per sentence-sized unit of picture text, or one shot
/// per bilingual paragraph (text in two scripts is a text and its translation). Bracketed
/// directions shape the next shot; stage directions are shots without captions; marked captions
/// (VO:, Caption:, quoted lines, a voice-over section) caption the shot they follow, and when a
/// brief marks none, each shot is captioned with its own words.
/// </summary>
internal sealed partial class BriefDrafter
{
    private readonly BriefDocument _brief;
    private readonly List<DraftShot> _drafts = [];
    private readonly List<string> _pendingCaptions = [];
    private string _pendingCamera = "";
    private string? _lead;
    private int _scene = -1;
    private int _sceneFirstShot;
    private string? _sceneHeading;

    private BriefDrafter(BriefDocument brief) => _brief = brief;

    public static List<DraftShot> Draft(BriefDocument brief)
    {
        var drafter = new BriefDrafter(brief);
        foreach (var block in brief.Blocks) drafter.Read(block);
        drafter.Finish();
        return drafter._drafts;
    }

    private void Read(BriefBlock block)
    {
        if (block.SceneIndex != _scene)
        {
            _scene = block.SceneIndex;
            _sceneFirstShot = _drafts.Count;
            _sceneHeading = block.Scene;
        }

        // A paragraph that is only a few words (a heading, a season's name) introduces the next one.
        if (!_brief.MarksCaptions && block.Pieces is [{ Role: PieceRole.Picture } only] && IsLead(only.Text))
        {
            _lead = _lead is null ? only.Text : SentenceShaper.JoinLead(_lead, only.Text);
            return;
        }

        var pictures = new List<BriefPiece>();
        foreach (var piece in block.Pieces)
        {
            if (piece.Role is PieceRole.Picture or PieceRole.Direction)
            {
                pictures.Add(piece);
                continue;
            }
            AddShots(pictures);
            pictures.Clear();
            if (piece.Role == PieceRole.Camera) _pendingCamera = Whitespace.Join(_pendingCamera, Sentence(piece.Text));
            else AddCaption(piece.Text);
        }
        AddShots(pictures);
    }

    private void AddShots(List<BriefPiece> pictures)
    {
        if (pictures.Count == 0) return;
        var text = pictures.Aggregate("", (joined, p) => Whitespace.Join(joined, p.Text));
        var runs = ScriptRuns.Split(text);
        var direction = pictures.All(p => p.Role == PieceRole.Direction);
        if (runs.Select(r => r.Script).Distinct().Count(s => s != TextScript.None) > 1)
        {
            var cjk = ScriptRuns.Of(text, TextScript.Cjk);
            var latin = ScriptRuns.Of(text, TextScript.Latin);
            if (_lead is not null && TextMeasure.IsCjk(_lead)) cjk = SentenceShaper.JoinLead(_lead, cjk);
            else if (_lead is not null) latin = SentenceShaper.JoinLead(_lead, latin);
            _lead = null;
            Add(latin, direction ? [] : [cjk, latin], latin + "\n" + cjk);
            return;
        }

        var units = SentenceShaper.Shape(pictures.SelectMany(p => SentenceSplitter.Split(p.Text)).ToList()).ToList();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = i == 0 && _lead is not null ? SentenceShaper.JoinLead(_lead, units[i]) : units[i];
            if (i == 0) _lead = null;
            var isDirection = direction || BriefCues.IsDirection(units[i]);
            Add(unit, isDirection ? [] : [unit], unit);
        }
    }

    /// <summary>A shot: its picture words, the words it is captioned with when the brief marks none, and what its camera is chosen from.</summary>
    private void Add(string picture, IReadOnlyList<string> ownWords, string cameraText)
    {
        var prompt = picture;
        if (_pendingCamera.Length > 0) prompt = Whitespace.Join(_pendingCamera, prompt);
        if (_drafts.Count == _sceneFirstShot && _sceneHeading is not null) prompt = SentenceShaper.JoinLead(_sceneHeading, prompt);
        var captions = _brief.MarksCaptions ? [.. _pendingCaptions] : ownWords.Select(WithoutAsides).Where(c => c.Length > 0).ToList();
        _drafts.Add(new DraftShot
        {
            Prompt = prompt,
            CaptionTexts = captions,
            TimingTexts = captions.Count > 0 ? [.. captions] : [picture],
            IdText = picture,
            CameraText = Whitespace.Join(_pendingCamera, cameraText),
        });
        _pendingCamera = "";
        _pendingCaptions.Clear();
    }

    /// <summary>A marked caption goes with the last shot of its scene, or waits for the next shot.</summary>
    private void AddCaption(string caption)
    {
        if (_drafts.Count > _sceneFirstShot && _pendingCamera.Length == 0) AppendCaption(_drafts.Count - 1, caption);
        else _pendingCaptions.Add(caption);
    }

    private void AppendCaption(int shot, string caption)
    {
        var draft = _drafts[shot];
        _drafts[shot] = draft with { CaptionTexts = [.. draft.CaptionTexts, caption], TimingTexts = [.. draft.TimingTexts, caption] };
    }

    private void Finish()
    {
        if (_lead is not null) Add(_lead, [_lead], _lead);
        // A direction with nothing after it still shows something ("航拍，晨雾中的古镇").
        if (_pendingCamera.Length > 0)
        {
            var camera = _pendingCamera;
            _pendingCamera = "";
            Add(camera, [], camera);
        }
        if (_drafts.Count == 0) return;
        foreach (var caption in _pendingCaptions) AppendCaption(_drafts.Count - 1, caption);
        _pendingCaptions.Clear();
        SpreadCaptionLines();
    }

    /// <summary>A voice-over section's lines, in order, over the shots: a line and its translation stay together.</summary>
    private void SpreadCaptionLines()
    {
        var groups = new List<List<string>>();
        foreach (var line in _brief.CaptionLines)
        {
            var script = ScriptDetector.Detect(line);
            if (groups.Count > 0 && groups[^1].Count == 1 && ScriptDetector.Detect(groups[^1][0]) != script) groups[^1].Add(line);
            else groups.Add([line]);
        }
        for (var g = 0; g < groups.Count; g++)
        {
            var shot = Math.Min(_drafts.Count - 1, g * _drafts.Count / groups.Count);
            foreach (var line in groups[g]) AppendCaption(shot, line);
        }
    }

    private static bool IsLead(string text) =>
        TextMeasure.IsShort(text) && !Punctuation.IsSentenceEnd(text.TrimEnd()[^1]) && !BriefCues.IsDirection(text);

    private static string Sentence(string text)
    {
        var trimmed = Punctuation.TrimDangling(text.Trim());
        if (trimmed.Length == 0 || Punctuation.IsSentenceEnd(trimmed[^1])) return trimmed;
        return trimmed + (TextMeasure.IsCjk(trimmed) ? "。" : ".");
    }

    /// <summary>Asides in brackets are for the crew, not the viewer.</summary>
    private static string WithoutAsides(string text) => Whitespace.Collapse(Aside().Replace(text, " "));

    [GeneratedRegex(@"\([^)]*\)|（[^）]*）|\[[^\]]*\]|【[^】]*】")]
    private static partial Regex Aside();
}
