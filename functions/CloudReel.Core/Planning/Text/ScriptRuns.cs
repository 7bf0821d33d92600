using System.Text;

namespace CloudReel.Core.Planning.Text;

/// <summary>
/// Splits text that mixes CJK and Latin writing into runs of one script each, e.g. a line holding a
/// Chinese sentence and its English translation. A few words of the other script inside a run (a
/// brand name in Chinese text, a place name in brackets in English text) stay in that run.
/// </summary>
internal static class ScriptRuns
{
    // Below these, a run of the other script is a name inside the text, not a translation of it.
    private const int MinCjkRun = 4;
    private const int MinLatinWords = 3;

    /// <summary>The text's runs in order; text in one script comes back as one run.</summary>
    public static IReadOnlyList<(string Text, TextScript Script)> Split(string text)
    {
        var raw = RawRuns(text);
        var merged = new List<(StringBuilder Text, TextScript Script)>();
        foreach (var (run, script) in raw)
        {
            var effective = script;
            if (merged.Count > 0 && (script == TextScript.None || IsMinor(run, script))) effective = merged[^1].Script;
            if (merged.Count > 0 && merged[^1].Script == effective) merged[^1].Text.Append(run);
            else merged.Add((new StringBuilder(run), effective));
        }

        // A minor first run belongs to the one after it ("iPhone 拍下的城市").
        if (merged.Count > 1 && IsMinor(merged[0].Text.ToString(), merged[0].Script))
        {
            merged[1].Text.Insert(0, merged[0].Text.ToString());
            merged.RemoveAt(0);
        }

        return merged
            .Select(m => (Text: m.Text.ToString().Trim(), m.Script))
            .Where(m => m.Text.Length > 0)
            .Select(m => (m.Text, m.Script == TextScript.None ? ScriptDetector.Detect(m.Text) : m.Script))
            .ToList();
    }

    /// <summary>The text of one script in <paramref name="text"/>, runs joined; empty when it has none.</summary>
    public static string Of(string text, TextScript script) =>
        Split(text).Where(r => r.Script == script).Aggregate("", (joined, run) => Whitespace.Join(joined, run.Text));

    private static bool IsMinor(string run, TextScript script) => script switch
    {
        TextScript.Cjk => ScriptDetector.CountCjk(run) < MinCjkRun,
        TextScript.Latin => ScriptDetector.CountLatinWords(run) < MinLatinWords,
        _ => true,
    };

    /// <summary>Runs cut where the script of the letters changes; marks and spaces go with the run they follow.</summary>
    private static List<(string Text, TextScript Script)> RawRuns(string text)
    {
        var runs = new List<(string, TextScript)>();
        var current = new StringBuilder();
        var script = TextScript.None;
        foreach (var rune in text.EnumerateRunes())
        {
            var kind = ScriptDetector.IsCjkLetter(rune) ? TextScript.Cjk : ScriptDetector.IsLatinLetter(rune) ? TextScript.Latin : TextScript.None;
            if (kind != TextScript.None && script != TextScript.None && kind != script)
            {
                var (kept, carried) = SplitTrailingOpeners(current.ToString());
                runs.Add((kept, script));
                current.Clear().Append(carried);
            }
            if (kind != TextScript.None) script = kind;
            current.Append(rune.ToString());
        }
        if (current.Length > 0) runs.Add((current.ToString(), script));
        return runs;
    }

    /// <summary>Opening quotes and brackets at the end of a run belong to the next run.</summary>
    private static (string Kept, string Carried) SplitTrailingOpeners(string run)
    {
        var end = run.Length;
        while (end > 0 && (char.IsWhiteSpace(run[end - 1]) || run[end - 1] is '"' or '“' or '「' or '『' or '(' or '（' or '《' or '[' or '【'))
        {
            end--;
        }
        return (run[..end], run[end..]);
    }
}
