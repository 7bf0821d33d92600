using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning;

/// <summary>
/// The prompt a video model gets for a shot: "&lt;shot prompt&gt;. &lt;Name&gt;: &lt;look&gt;. &lt;camera phrase&gt;. Style: &lt;style&gt;."
/// (one look per character in the shot, the same words in every shot), and the seed that goes with it. The same composed prompt always gets the same seed, in any
/// film, so identical shots share one cached clip.
/// </summary>
public static class PromptComposer
{
    public static string Compose(string style, string shotPrompt, CameraMove camera, IEnumerable<(string Name, string Look)>? cast = null)
    {
        var builder = new StringBuilder();
        AppendSentence(builder, Whitespace.Collapse(shotPrompt));
        foreach (var (name, look) in cast ?? [])
        {
            var words = Whitespace.Collapse(look);
            // A character known by name only adds nothing the shot's words don't say.
            if (words.Length > 0 && !words.Equals(name, StringComparison.OrdinalIgnoreCase)) AppendSentence(builder, $"{name}: {words}");
        }
        AppendSentence(builder, Capitalize(CameraMoves.PhraseOf(camera)));
        var cleanStyle = Whitespace.Collapse(style);
        if (cleanStyle.Length > 0) AppendSentence(builder, "Style: " + cleanStyle);
        return builder.ToString();
    }

    /// <summary>A non-negative 31-bit seed from the SHA-256 of the composed prompt (UTF-8).</summary>
    public static long SeedFor(string composedPrompt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(composedPrompt));
        return BinaryPrimitives.ReadUInt32BigEndian(hash) & 0x7FFF_FFFF;
    }

    /// <summary>Appends one sentence, ending it with a full stop unless it already ends with one.</summary>
    private static void AppendSentence(StringBuilder builder, string sentence)
    {
        var text = Punctuation.TrimDangling(sentence);
        if (text.Length == 0) return;
        if (builder.Length > 0 && !EndsWithFullWidthMark(builder)) builder.Append(' ');
        builder.Append(text);
        if (EndsSentence(text)) return;
        builder.Append(TextMeasure.IsCjk(text) ? '。' : '.');
    }

    /// <summary>Ends with . ! ? … 。！？ (possibly followed by a closing quote or bracket).</summary>
    private static bool EndsSentence(string text)
    {
        var end = text.Length - 1;
        while (end > 0 && Punctuation.IsCloser(text[end])) end--;
        return Punctuation.IsSentenceEnd(text[end]);
    }

    /// <summary>CJK punctuation carries its own space, so no ASCII space follows it.</summary>
    private static bool EndsWithFullWidthMark(StringBuilder builder) =>
        builder[^1] is '。' or '！' or '？' or '；' or '」' or '』' or '）';

    private static string Capitalize(string phrase) =>
        phrase.Length == 0 ? phrase : char.ToUpperInvariant(phrase[0]) + phrase[1..];
}
