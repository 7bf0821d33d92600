using CloudReel.Core.Models;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Planning;

/// <summary>
/// The pictures a model gets for a shot: the shot's own (first frame, last frame, subjects), then the
/// cast's pictures fitted to what the model takes. Models that keep subjects from pictures get each
/// character's pictures, one character at a time in turn so every character is shown, up to the
/// model's limits; models that only start from a frame get the first character's first picture as
/// the key frame the clip starts from; a shot with its own first frame keeps it, the cast then only in words,
/// and so does a shot that continues its sequence from the last frame of the shot before it.
/// </summary>
internal static class CastReferences
{
    public static IReadOnlyList<ReferenceImage> For(
        ShotSpec shot, IReadOnlyList<CastMember> cast, ModelCapabilities model, IReadOnlyDictionary<string, string> hashes, bool continuesSequence = false)
    {
        var references = new List<ReferenceImage>();
        if (shot.Image is { } first) references.Add(new ReferenceImage(first, hashes[first]));
        if (shot.LastImage is { } last) references.Add(new ReferenceImage(last, hashes[last], ReferenceRole.LastFrame));
        references.AddRange(shot.References.Select(r => new ReferenceImage(r, hashes[r], ReferenceRole.Subject)));
        if (shot.Image is not null || continuesSequence || cast.All(c => c.Pictures.Count == 0)) return references;

        if (model.MaxReferenceImages > 0)
        {
            references.AddRange(Subjects(cast, model.MaxReferenceImages - references.Count, model.MaxPicturesPerSubject, hashes));
        }
        else if (model.ImageToVideo && shot.References.Count == 0)
        {
            var keyFrame = cast.First(c => c.Pictures.Count > 0).Pictures[0];
            references.Add(new ReferenceImage(keyFrame, hashes[keyFrame]));
        }
        return references;
    }

    /// <summary>Pictures taken a round at a time: each character's first, then each one's second, … until the slots are full.</summary>
    private static IEnumerable<ReferenceImage> Subjects(IReadOnlyList<CastMember> cast, int slots, int perSubject, IReadOnlyDictionary<string, string> hashes)
    {
        var taken = new List<(int Character, int Picture)>();
        for (var round = 0; round < Math.Min(perSubject, 7) && taken.Count < slots; round++)
        {
            for (var c = 0; c < cast.Count && taken.Count < slots; c++)
            {
                if (round < cast[c].Pictures.Count) taken.Add((c, round));
            }
        }
        // Grouped by character, in cast order, as services that take subjects want them.
        return taken.OrderBy(t => t.Character).ThenBy(t => t.Picture)
            .Select(t => new ReferenceImage(cast[t.Character].Pictures[t.Picture], hashes[cast[t.Character].Pictures[t.Picture]], ReferenceRole.Subject, cast[t.Character].Id));
    }
}
