using System.Globalization;
using CloudReel.Core.Planning.Text;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Planning;

/// <summary>
/// Shot ids that say what the shot is: a running number and the text's first two meaningful
/// Latin words ("s01-bund-dusk"), or the number alone for text without Latin words ("s01").
/// The number makes ids unique; words are lower-case ASCII, so every id passes
/// <see cref="StoreLayout.IsValidId"/>.
/// </summary>
internal static class ShotIdMaker
{
    public const int MaxLength = 40;
    private const int WordsPerId = 2;
    private const int MaxWordLength = 12;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "at", "in", "on", "and", "or", "but", "with", "to", "from", "for", "by",
        "into", "onto", "over", "under", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this",
        "that", "these", "those", "we", "our", "us", "you", "your", "they", "their", "them", "there", "here",
        "then", "than", "very", "just", "so", "up", "down", "out", "while", "where", "when", "which", "who",
        "what", "how", "all", "some", "each", "every", "no", "not", "his", "her", "he", "she", "him", "i",
        "my", "me", "also", "through", "across", "between", "after", "before", "during", "about", "again",
        "once", "more", "most", "such", "only", "own", "too", "can", "will", "would", "could", "should",
        "may", "might", "do", "does", "did", "has", "have", "had", "s", "t", "one", "two", "still", "now",
        "exterior", "interior", "establishing", "shot",
    };

    public static IReadOnlyList<string> Make(IReadOnlyList<string> texts)
    {
        var digits = Math.Max(2, texts.Count.ToString(CultureInfo.InvariantCulture).Length);
        var ids = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var number = "s" + (i + 1).ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var id = number;
            foreach (var word in MeaningfulWords(texts[i]).Take(WordsPerId))
            {
                var longer = id + "-" + word;
                if (longer.Length > MaxLength) break;
                id = longer;
            }
            ids.Add(id);
        }
        return ids;
    }

    private static IEnumerable<string> MeaningfulWords(string text) =>
        LatinWords.Of(text)
            .Where(w => w.Length > 1 && !StopWords.Contains(w) && !w.All(char.IsAsciiDigit))
            .Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w);
}
