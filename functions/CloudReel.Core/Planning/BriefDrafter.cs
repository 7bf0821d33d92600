using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning;

/// <summary>
/// Drafts shots from a free-text brief: one shot per sentence-sized unit of each paragraph, or one
/// shot per bilingual paragraph (lines in different scripts are translations of each other).
/// </summary>
internal static class BriefDrafter
{
    public static List<DraftShot> Draft(string brief)
    {
        var drafts = new List<DraftShot>();
        string? lead = null;
        foreach (var paragraph in Paragraphs(brief))
        {
            var lines = paragraph.Select(l => (Text: l, Script: ScriptDetector.Detect(l))).ToList();
            var cjk = Join(lines.Where(l => l.Script == TextScript.Cjk).Select(l => l.Text));
            var latin = Join(lines.Where(l => l.Script == TextScript.Latin).Select(l => l.Text));
            if (cjk.Length > 0 && latin.Length > 0)
            {
                if (lead is not null && TextMeasure.IsCjk(lead)) cjk = SentenceShaper.JoinLead(lead, cjk);
                else if (lead is not null) latin = SentenceShaper.JoinLead(lead, latin);
                lead = null;
                drafts.Add(Bilingual(cjk, latin));
                continue;
            }

            var units = SentenceShaper.Shape(SentenceSplitter.Split(string.Join("\n", paragraph))).ToList();
            if (units.Count == 0) continue;
            if (lead is not null) units[0] = SentenceShaper.JoinLead(lead, units[0]);
            lead = null;
            // A paragraph that is only a few words (a heading, a season's name) introduces the next one.
            if (units.Count == 1 && TextMeasure.IsShort(units[0]))
            {
                lead = units[0];
                continue;
            }
            drafts.AddRange(units.Select(u => DraftShot.FromText(u, [u])));
        }
        if (lead is not null) drafts.Add(DraftShot.FromText(lead, [lead]));
        return drafts;
    }

    private static DraftShot Bilingual(string cjk, string latin) => new()
    {
        Prompt = latin,
        CaptionTexts = [cjk, latin],
        TimingTexts = [cjk, latin],
        IdText = latin,
        CameraText = latin + "\n" + cjk,
    };

    private static string Join(IEnumerable<string> lines) =>
        lines.Aggregate("", (joined, line) => Whitespace.Join(joined, Whitespace.Collapse(line)));

    /// <summary>Blocks of non-empty lines separated by empty lines.</summary>
    private static IEnumerable<List<string>> Paragraphs(string text)
    {
        var current = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0)
            {
                current.Add(line);
                continue;
            }
            if (current.Count > 0) yield return current;
            current = [];
        }
        if (current.Count > 0) yield return current;
    }
}
