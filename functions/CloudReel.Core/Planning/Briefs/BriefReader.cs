using System.Text.RegularExpressions;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning.Briefs;

/// <summary>
/// Reads a free-prose brief (plain text or Markdown, Chinese, English or both) into a
/// <see cref="BriefDocument"/>: the title line, the target length, the look and the caption
/// languages it states, and the shot material with each sentence's role. The title line and
/// sentences about the film itself ("a 45-second promo in a soft ink-wash style") never become
/// shots; stage directions never become captions; sections about the job (background, notes,
/// deliverables) are left out.
/// </summary>
internal sealed partial class BriefReader
{
    private const int MaxTitleLatinWords = 12;
    private const int MaxTitleCjk = 24;

    private readonly List<BriefBlock> _blocks = [];
    private readonly List<string> _captionLines = [];
    private readonly List<string> _languages = [];
    private string? _title;
    private double? _seconds;
    private string? _style;
    private bool _marks;
    private string? _scene;
    private int _sceneIndex;

    /// <param name="text">The brief.</param>
    /// <param name="orderTitle">The title of the order the brief is in, or null for a brief on its own (whose first line may be its title).</param>
    public static BriefDocument Read(string text, string? orderTitle = null)
    {
        var reader = new BriefReader();
        var lines = BriefLines.Read(text).ToList();
        var start = reader.ReadTitle(lines, orderTitle);
        reader.ReadBody(lines.Skip(start).ToList());
        return new BriefDocument
        {
            Title = reader._title,
            BodyLine = start < lines.Count ? lines[start].Line : lines.Count > 0 ? lines[^1].Line + 1 : 0,
            TargetSeconds = reader._seconds,
            Style = reader._style,
            Languages = reader._languages,
            Blocks = reader._blocks,
            MarksCaptions = reader._marks || reader._captionLines.Count > 0,
            CaptionLines = reader._captionLines,
        };
    }

    /// <summary>Reads the title from the first lines and returns the index of the first line after it.</summary>
    private int ReadTitle(List<BriefLine> lines, string? orderTitle)
    {
        var first = lines.FindIndex(l => l.Kind != BriefLineKind.Blank);
        if (first < 0) return 0;
        var line = lines[first];
        var paragraph = lines.Skip(first).TakeWhile(l => l.Kind is BriefLineKind.Text).ToList();
        var more = lines.Skip(first + Math.Max(1, paragraph.Count)).Any(l => l.Kind != BriefLineKind.Blank);

        if (line.Kind == BriefLineKind.Heading)
        {
            if (BriefCues.Section(line.Text) != SectionKind.Scene || (orderTitle is not null && line.Level > 1 && !Similar(line.Text, orderTitle))) return first;
            _title = CleanTitle(line.Text);
            return first + 1;
        }
        if (line.Kind != BriefLineKind.Text) return first;

        var (kind, value) = BriefCues.Read(line.Text);
        if (kind == CueKind.Title)
        {
            _title = CleanTitle(value);
            return first + 1;
        }
        if (BookTitle().Match(line.Text) is { Success: true } book && (line.Text.Length <= 40 || IsDocumentKind(line.Text[book.Length..])))
        {
            _title = book.Groups[1].Value.Trim();
            return first + 1;
        }

        // A title is alone in its paragraph: one short line, or two short lines in different scripts (a bilingual title).
        var titleLines = paragraph.Count switch
        {
            1 => paragraph,
            2 when ScriptDetector.Detect(paragraph[0].Text) != ScriptDetector.Detect(paragraph[1].Text) => paragraph,
            _ => [],
        };
        if (titleLines.Count == 0 || !more || !titleLines.All(l => IsTitleLike(l.Text))) return first;
        var candidate = string.Join(" · ", titleLines.Select(l => l.Text));
        var isTitle = orderTitle is null || Similar(candidate, orderTitle) || titleLines.Any(l => Similar(l.Text, orderTitle))
            || BriefCues.NamesTheFilm(candidate) || IsDocumentKind(candidate);
        if (!isTitle) return first;
        _title = CleanTitle(candidate);
        return first + titleLines.Count;
    }

    private void ReadBody(List<BriefLine> lines)
    {
        var hasShotSection = lines.Any(l => l.Kind == BriefLineKind.Heading && BriefCues.Section(l.Text) == SectionKind.Shots);
        var section = hasShotSection ? SectionKind.Notes : SectionKind.Scene;
        var shotLevel = 0;
        var paragraph = new List<BriefLine>();

        void Flush()
        {
            if (paragraph.Count > 0) ReadParagraph(paragraph, section);
            paragraph = [];
        }

        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case BriefLineKind.Blank:
                    Flush();
                    break;
                case BriefLineKind.Heading:
                    Flush();
                    (section, shotLevel) = EnterHeading(line, section, shotLevel, hasShotSection);
                    break;
                case BriefLineKind.Item:
                    Flush();
                    paragraph.Add(line);
                    break;
                default:
                    paragraph.Add(line);
                    break;
            }
        }
        Flush();
    }

    /// <summary>The section a heading opens. With a "Shots" section, only it (and the scenes under it) makes shots.</summary>
    private (SectionKind Section, int ShotLevel) EnterHeading(BriefLine heading, SectionKind current, int shotLevel, bool hasShotSection)
    {
        var kind = BriefCues.Section(heading.Text);
        var inShots = shotLevel > 0 && heading.Level > shotLevel;
        if (kind == SectionKind.Shots)
        {
            NewScene(null);
            return (SectionKind.Scene, heading.Level);
        }
        if (kind == SectionKind.Scene)
        {
            if (hasShotSection && !inShots) return (SectionKind.Notes, 0);
            NewScene(BriefCues.WithoutNumbering(heading.Text));
            return (SectionKind.Scene, inShots ? shotLevel : 0);
        }
        return (kind, inShots ? shotLevel : 0);
    }

    private void NewScene(string? heading)
    {
        _scene = string.IsNullOrWhiteSpace(heading) ? null : heading;
        _sceneIndex++;
    }

    private void ReadParagraph(List<BriefLine> paragraph, SectionKind section)
    {
        var texts = paragraph.Select(l => l.Text).Where(t => t.Length > 0).ToList();
        switch (section)
        {
            case SectionKind.Captions:
                foreach (var text in texts) AddCaptionLine(text);
                return;
            case SectionKind.Style:
                _style ??= StylePhrases.FromValue(string.Join(" ", texts));
                return;
            case SectionKind.Length:
                _seconds ??= LengthPhrases.Find(string.Join(" ", texts), clock: true);
                return;
            case SectionKind.Notes:
                foreach (var text in texts) ReadNote(text);
                return;
        }

        var pieces = new List<BriefPiece>();
        foreach (var text in texts) ReadLine(text, pieces);
        if (pieces.Count > 0) _blocks.Add(new BriefBlock(_scene, _sceneIndex, pieces));
    }

    /// <summary>A line about the job: only what it says about the film is kept.</summary>
    private void ReadNote(string text)
    {
        var (kind, value) = BriefCues.Read(text);
        if (kind is CueKind.Title or CueKind.Length or CueKind.Style or CueKind.Languages)
        {
            ReadFact(kind, value);
            return;
        }
        foreach (var sentence in SentenceSplitter.Split(value)) IsAboutTheFilm(sentence);
    }

    private void ReadLine(string text, List<BriefPiece> pieces)
    {
        var (kind, value) = BriefCues.Read(text);
        switch (kind)
        {
            case CueKind.Title or CueKind.Length or CueKind.Style or CueKind.Languages or CueKind.Note:
                ReadFact(kind, value);
                return;
            case CueKind.Sound:
                return;
            case CueKind.Caption:
                AddCaption(value, pieces);
                return;
            case CueKind.Camera:
                if (value.Length > 0) pieces.Add(new BriefPiece(PieceRole.Camera, value));
                return;
            case CueKind.Picture:
                ReadSentences(value, pieces, picture: true);
                return;
        }

        if (Bracketed().Match(text) is { Success: true } bracket)
        {
            ReadBracketed(bracket.Groups["x"].Value.Trim(), pieces);
            return;
        }
        if (IsQuoted(text))
        {
            AddCaption(text, pieces);
            return;
        }
        ReadSentences(text, pieces, picture: false);
    }

    /// <summary>"【镜头：航拍，晨雾中的古镇】", "(Slow push-in.)", "[SFX: gong]": how the next shot is made, or nothing to show.</summary>
    private void ReadBracketed(string inside, List<BriefPiece> pieces)
    {
        var (kind, value) = BriefCues.Read(inside);
        if (kind == CueKind.Caption)
        {
            AddCaption(value, pieces);
            return;
        }
        if (kind is CueKind.Sound or CueKind.Note) return;
        var shown = SentenceSplitter.Split(value).Where(s => !BriefCues.ShowsNothing(s)).ToList();
        if (shown.Count > 0) pieces.Add(new BriefPiece(PieceRole.Camera, string.Join(" ", shown)));
    }

    private void ReadSentences(string text, List<BriefPiece> pieces, bool picture)
    {
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var (kind, value) = BriefCues.Read(sentence);
            if (kind != CueKind.None && kind != CueKind.Picture)
            {
                ReadLine(sentence, pieces);
                continue;
            }
            if (BriefCues.ShowsNothing(value) || IsAboutTheFilm(value)) continue;
            if (!picture && IsQuoted(value))
            {
                AddCaption(value, pieces);
                continue;
            }
            pieces.Add(new BriefPiece(BriefCues.IsDirection(value) ? PieceRole.Direction : PieceRole.Picture, value));
        }
    }

    /// <summary>
    /// Takes the length and the look a sentence states; true when the sentence is about the film
    /// rather than in it ("A 45-second promo … in a soft ink-wash style", "片长约两分钟，定格动画风格").
    /// </summary>
    private bool IsAboutTheFilm(string sentence)
    {
        var film = BriefCues.NamesTheFilm(sentence);
        var length = LengthPhrases.Find(sentence);
        var style = StylePhrases.Find(sentence);
        var about = (film && length is not null) || (style is not null && (film || MostlyStyle(sentence, style))) || (film && Request().IsMatch(sentence));
        if (about && film && length is { } seconds) _seconds ??= seconds;
        if (style is not null && (about || PlainStylePhrase().IsMatch(sentence))) _style ??= style;
        return about;
    }

    private void ReadFact(CueKind kind, string value)
    {
        switch (kind)
        {
            case CueKind.Title:
                _title ??= CleanTitle(value);
                break;
            case CueKind.Length:
                _seconds ??= LengthPhrases.Find(value, clock: true);
                break;
            case CueKind.Style:
                if (value.Length > 0) _style ??= StylePhrases.FromValue(value);
                break;
            case CueKind.Languages:
                foreach (var tag in LanguageNames.Read(value).Where(t => !_languages.Contains(t))) _languages.Add(tag);
                break;
            case CueKind.Note:
                if (BriefCues.NamesTheFilm(value)) _seconds ??= LengthPhrases.Find(value);
                break;
        }
    }

    private void AddCaption(string text, List<BriefPiece> pieces)
    {
        var caption = Unquote(text);
        _marks = true;
        if (caption.Length > 0) pieces.Add(new BriefPiece(PieceRole.Caption, caption));
    }

    private void AddCaptionLine(string text)
    {
        var (kind, value) = BriefCues.Read(text);
        var caption = Unquote(kind == CueKind.None ? text : value);
        if (kind is CueKind.None or CueKind.Caption && caption.Length > 0) _captionLines.Add(caption);
    }

    /// <summary>A sentence that is little more than its look ("定格动画风格，暖色调。").</summary>
    private static bool MostlyStyle(string sentence, string style) =>
        TextMeasure.Units(style) * 2 >= TextMeasure.Units(sentence);

    private static bool IsTitleLike(string text)
    {
        if (text.Length == 0 || BriefCues.Read(text).Kind is not (CueKind.None or CueKind.Title) || Bracketed().IsMatch(text) || IsQuoted(text)) return false;
        if (BriefCues.IsDirection(text)) return false;
        var end = text.TrimEnd()[^1];
        if (TextMeasure.IsCjk(text)) return ScriptDetector.CountCjk(text) <= MaxTitleCjk && end is not ('。' or '；' or '，');
        return ScriptDetector.CountLatinWords(text) <= MaxTitleLatinWords && end is not ('.' or ';' or ',');
    }

    /// <summary>"BAMBOO SEA — brand film brief" → "BAMBOO SEA"; "《江南水乡》" → "江南水乡".</summary>
    private static string CleanTitle(string title)
    {
        var text = Whitespace.Collapse(title);
        if (BookTitle().Match(text) is { Success: true } book) return book.Groups[1].Value.Trim();
        var parts = TitleSeparator().Split(text).Where(p => p.Trim().Length > 0).ToList();
        if (parts.Count > 1)
        {
            var kept = parts.Where(p => !IsDocumentKind(p)).ToList();
            if (kept.Count > 0 && kept.Count < parts.Count) text = string.Join(" — ", kept.Select(p => p.Trim()));
        }
        text = text.Trim().TrimEnd(':', '：');
        return text.Length <= 120 ? text : text[..120].TrimEnd();
    }

    private static bool IsDocumentKind(string text) => DocumentKind().IsMatch(text.Trim());

    private static bool Similar(string a, string b)
    {
        var x = Letters(a);
        var y = Letters(b);
        return x.Length > 0 && y.Length > 0 && (x == y || (Math.Min(x.Length, y.Length) >= 4 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal))));
    }

    private static string Letters(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static bool IsQuoted(string text) => QuotedBody(text) is not null;

    private static string Unquote(string text) => QuotedBody(text) ?? text.Trim();

    /// <summary>The words inside quotes that wrap the whole text ("“…”", "「…」"), or null.</summary>
    private static string? QuotedBody(string text)
    {
        var t = text.Trim().TrimEnd('.', '。').TrimEnd();
        foreach (var (open, close) in Quotes)
        {
            if (t.Length >= 3 && t[0] == open && t[^1] == close && t.IndexOf(close, 1) == t.Length - 1) return t[1..^1].Trim();
        }
        return null;
    }

    private static readonly (char Open, char Close)[] Quotes = [('"', '"'), ('“', '”'), ('「', '」'), ('『', '』'), ('‘', '’')];

    [GeneratedRegex(@"^\s*[\(（\[【](?<x>[^\)）\]】]*)[\)）\]】]\s*$")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^\s*《([^》]{1,60})》")]
    private static partial Regex BookTitle();

    [GeneratedRegex(@"\s+[—–\-|]\s+|\s*[|｜]\s*|\s*：\s*|:\s+")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"^(?:(?:brand|promo|promotional|tourism|creative|production|video|film|campaign|ad|short)\s+)*(?:film\s+)?(?:brief|script|storyboard|treatment|outline|proposal|copy|draft|concept|deck|宣传片文案|宣传片脚本|文案|脚本|策划|策划案|分镜|分镜脚本|方案|大纲|创意|拍摄脚本)$", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentKind();

    [GeneratedRegex(@"\b(?:we\s+(?:need|want|would like|'d like|are making|are looking)|please\b|this\s+(?:film|video|promo|spot|piece)\b|the\s+(?:film|video|promo|spot)\s+(?:should|will|must|needs|is|shows|follows)\b|aimed\s+at|for\s+(?:our|the)\s+(?:overseas|social|client|brand|campaign|channel|audience)|target(?:ed|ing)?\s+(?:at|audience)|这是|我们需要|需要|希望|要求|用于|面向|打造一?[支部个条])", RegexOptions.IgnoreCase)]
    private static partial Regex Request();

    // Phrases that always name a look, wherever they stand: "in a soft ink-wash style", "in the style of …".
    [GeneratedRegex(@"\bin\s+(?:an?\s+|the\s+)?[^.;!?]{2,80}?\s+style\b|\bin\s+the\s+style\s+of\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlainStylePhrase();
}
