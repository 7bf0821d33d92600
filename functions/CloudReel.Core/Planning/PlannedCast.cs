using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Fountain;
using CloudReel.Core.Text;

namespace CloudReel.Core.Planning;

/// <summary>
/// The cast of a planned film: the order's own characters first (they always win), then the ones a
/// screenplay brings; each shot's cast is the characters its words name and the ones heard speaking
/// on screen in it.
/// </summary>
internal static class PlannedCast
{
    public const int MaxPerShot = 7;
    public const int MaxCharacters = 20;

    public static IReadOnlyList<CastMember> Merge(IReadOnlyList<CastMember> ordered, IReadOnlyList<CastMember> found)
    {
        var cast = ordered.ToList();
        foreach (var character in found)
        {
            if (cast.Count >= MaxCharacters) break;
            if (cast.Any(c => Same(c, character))) continue;
            cast.Add(character);
        }
        return cast;
    }

    public static IReadOnlyList<string> InShot(DraftShot draft, IReadOnlyList<CastMember> cast)
    {
        var ids = ScriptCast.NamedIn(draft.Prompt, cast).ToList();
        foreach (var speaker in draft.Speakers)
        {
            var spoken = new CastMember(Slug.From(speaker), ScriptCast.DisplayName(speaker), "", []);
            if (cast.FirstOrDefault(c => Same(c, spoken)) is { } character && !ids.Contains(character.Id)) ids.Add(character.Id);
        }
        return cast.Select(c => c.Id).Where(ids.Contains).Take(MaxPerShot).ToList();
    }

    /// <summary>The character a screenplay's character name ('AH-MEI', 'MEI (V.O.)' read as 'MEI') is, if any.</summary>
    public static CastMember? Named(string speaker, IReadOnlyList<CastMember> cast)
    {
        var spoken = new CastMember(Slug.From(speaker), ScriptCast.DisplayName(speaker), "", []);
        return cast.FirstOrDefault(c => Same(c, spoken));
    }

    /// <summary>The order's characters, and of the others those some shot shows.</summary>
    public static IReadOnlyList<CastMember> Used(IReadOnlyList<CastMember> ordered, IReadOnlyList<CastMember> cast, IReadOnlyList<IReadOnlyList<string>> shotCasts) =>
        cast.Where(c => ordered.Contains(c) || shotCasts.Any(s => s.Contains(c.Id))).ToList();

    private static bool Same(CastMember a, CastMember b) =>
        a.Id == b.Id || string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}
