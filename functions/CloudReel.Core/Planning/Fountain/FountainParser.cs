namespace CloudReel.Core.Planning.Fountain;

/// <summary>
/// Parses Fountain 1.1 screenplays (https://fountain.io/syntax): title page, scene headings,
/// action, characters and dialogue (with dual dialogue), parentheticals, transitions, centered
/// text, sections, synopses, lyrics and page breaks; notes and boneyard are dropped.
/// </summary>
public static class FountainParser
{
    public static FountainDocument Parse(string text)
    {
        var lines = FountainCleaner.CleanLines(text);
        var (titlePage, bodyStart) = FountainTitlePage.Read(lines);
        var elements = new FountainBodyReader(lines, bodyStart).Read();
        return new FountainDocument(titlePage, elements);
    }
}
