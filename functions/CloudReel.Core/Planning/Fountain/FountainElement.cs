namespace CloudReel.Core.Planning.Fountain;

/// <summary>The kinds of element a Fountain screenplay is made of.</summary>
public enum FountainElementKind
{
    SceneHeading,
    Action,
    Character,
    Parenthetical,
    Dialogue,
    Transition,
    Centered,
    Section,
    Synopsis,
    Lyrics,
    PageBreak,
}

/// <summary>
/// One element of a screenplay, its text free of notes, boneyard, emphasis markers and forcing
/// characters. Action and dialogue keep their line breaks.
/// </summary>
public sealed record FountainElement(FountainElementKind Kind, string Text)
{
    /// <summary>Scene number written as <c>#1A#</c> after a scene heading.</summary>
    public string? SceneNumber { get; init; }

    /// <summary>Character extensions such as "(V.O.)" or "(CONT'D)", as written after the name.</summary>
    public string? Extension { get; init; }

    /// <summary>True for both characters of a dual-dialogue pair (the second one is marked with '^').</summary>
    public bool IsDualDialogue { get; init; }

    /// <summary>Section depth: the number of '#' characters.</summary>
    public int Depth { get; init; }
}

/// <summary>A parsed Fountain screenplay: title page entries in order, then the body's elements.</summary>
public sealed record FountainDocument(IReadOnlyList<KeyValuePair<string, string>> TitlePage, IReadOnlyList<FountainElement> Elements)
{
    /// <summary>The first title page value under <paramref name="key"/> (case-insensitive), or null.</summary>
    public string? TitleValue(string key) =>
        TitlePage.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Select(e => e.Value).FirstOrDefault();
}
