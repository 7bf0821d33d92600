using System.Text;

namespace CloudReel.Core.Planning.Text;

/// <summary>
/// Guesses the language of a caption-sized text and names it with a BCP 47 tag: Japanese by its
/// kana, Korean by hangul, Chinese by Han characters (zh-TW when traditional forms are common),
/// and for Latin text the language whose common short words it uses most (English by default).
/// Enough to give a brief's captions languages; an order's own languages always win.
/// </summary>
internal static class TextLanguage
{
    // Characters written only in traditional Chinese, common enough to show up in a sentence or two.
    private const string TraditionalOnly = "們這個為說會來時國學體後電車長東見書門開關點讓話認識頭發現愛麗灣臺買賣雲風鳥魚馬龍歲處聽舊當與從還進過邊樣氣燈對應顯濃團廣場鄉陽陰"
        + "華島夢觀覽畫藝術師傳統歷節紀錄樂葉網絡幾麼麵飯館園飛機約問間聞隻條興銀餘漁織續總聲務劃";

    private static readonly (string Tag, string[] Words)[] LatinLanguages =
    [
        ("en", ["the", "and", "of", "to", "in", "is", "are", "was", "were", "be", "on", "with", "as", "at", "a", "an", "it", "its", "for", "over", "from",
            "their", "his", "her", "into", "you", "your", "we", "our", "i", "my", "me", "he", "she", "they", "them", "this", "that", "what", "when",
            "where", "who", "do", "does", "did", "not", "can", "will", "all", "up", "here", "there", "by", "or", "but", "if", "so", "just", "every"]),
        ("fr", ["le", "la", "les", "des", "et", "est", "une", "un", "du", "dans", "sur", "avec", "pour", "au", "aux", "qui"]),
        ("es", ["el", "la", "los", "las", "y", "es", "una", "un", "del", "en", "con", "por", "para", "que", "sobre"]),
        ("de", ["der", "die", "das", "und", "ist", "ein", "eine", "mit", "im", "auf", "den", "dem", "zu", "von", "über"]),
        ("pt", ["os", "é", "uma", "um", "da", "em", "com", "por", "para", "que", "sobre", "não", "são"]),
        ("it", ["il", "lo", "gli", "le", "e", "è", "una", "un", "del", "della", "con", "per", "che", "sul", "nel"]),
    ];

    /// <summary>The language tag of <paramref name="text"/>, or null when it has no letters.</summary>
    public static string? Of(string text)
    {
        var script = ScriptDetector.Detect(text);
        if (script == TextScript.Cjk) return CjkLanguage(text);
        return script == TextScript.Latin ? LatinLanguage(text) : null;
    }

    /// <summary>Whether a language tag is written in CJK script.</summary>
    public static bool IsCjk(string tag) =>
        tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("ja", StringComparison.OrdinalIgnoreCase)
        || tag.StartsWith("ko", StringComparison.OrdinalIgnoreCase);

    /// <summary>The primary subtag: "zh" for "zh-CN".</summary>
    public static string Primary(string tag) => tag.Split('-')[0].ToLowerInvariant();

    private static string CjkLanguage(string text)
    {
        int kana = 0, hangul = 0, han = 0, traditional = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF) kana++;
            else if (value is >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F) hangul++;
            else if (ScriptDetector.IsCjkLetter(rune))
            {
                han++;
                if (value <= 0xFFFF && TraditionalOnly.Contains((char)value, StringComparison.Ordinal)) traditional++;
            }
        }
        if (hangul > 0 && hangul >= kana) return "ko";
        if (kana > 0) return "ja";
        return traditional * 12 >= Math.Max(1, han) && traditional >= 2 ? "zh-TW" : "zh-CN";
    }

    /// <summary>English unless another language's short words clearly outnumber English ones (at least two of them).</summary>
    private static string LatinLanguage(string text)
    {
        var words = Words(text);
        var scores = LatinLanguages.Select(l => (l.Tag, Score: words.Count(w => l.Words.Contains(w, StringComparer.Ordinal)))).ToList();
        var english = scores[0].Score;
        var best = scores.Skip(1).OrderByDescending(s => s.Score).First();
        return best.Score >= 2 && best.Score > english ? best.Tag : "en";
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }
}
