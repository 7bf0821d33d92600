namespace CloudReel.Core.Orders;

/// <summary>Rules of the cast, the look and sequences: one style, unique character ids, known cast, sequences in one piece.</summary>
internal static class CastChecks
{
    public static void Run(CheckContext context)
    {
        CheckStyleOnce(context);
        CheckUniqueCharacters(context);
        var order = context.Order;
        var known = order.Characters.Select(c => c.Id).Where(id => id.Length > 0).ToList();
        for (var i = 0; i < order.Shots.Count; i++) CheckCast(context, i, known);
        CheckSequences(context);
    }

    private static void CheckStyleOnce(CheckContext context)
    {
        if (!context.Index.Has("style") || !context.Index.Has("look.style")) return;
        var line = context.Index.Locate("style").Line;
        context.Report("look.style", $"the style is given twice: here and in 'style' (line {line}); keep one", atKey: true);
    }

    private static void CheckUniqueCharacters(CheckContext context)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var characters = context.Order.Characters;
        for (var i = 0; i < characters.Count; i++)
        {
            if (characters[i].Id.Length == 0 || first.TryAdd(characters[i].Id, i)) continue;
            var path = FieldPath.Child(FieldPath.Item("characters", i), "id");
            var line = context.Index.Locate(FieldPath.Child(FieldPath.Item("characters", first[characters[i].Id]), "id")).Line;
            context.Report(path, $"duplicate character id '{characters[i].Id}' (first used on line {line}); character ids must be unique");
        }
    }

    private static void CheckCast(CheckContext context, int shot, List<string> known)
    {
        var cast = context.Order.Shots[shot].Cast;
        if (context.Index.IsRejected("characters")) return;
        for (var c = 0; c < cast.Count; c++)
        {
            if (known.Contains(cast[c], StringComparer.Ordinal)) continue;
            var path = FieldPath.Item(CheckContext.ShotPath(shot, "cast"), c);
            context.Report(path, known.Count == 0
                ? $"unknown character '{cast[c]}': the order has no 'characters'; describe the cast there (id, name, look, pictures)"
                : $"unknown character '{cast[c]}'{Suggestions.Hint(cast[c], known)} (characters: {string.Join(", ", known)})");
        }
    }

    /// <summary>A sequence is one run of shots; a shot that continues one starts from a frame, so it has no 'image' of its own.</summary>
    private static void CheckSequences(CheckContext context)
    {
        var shots = context.Order.Shots;
        var ended = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < shots.Count; i++)
        {
            if (shots[i].Sequence is not { } sequence) continue;
            if (i > 0 && shots[i - 1].Sequence == sequence)
            {
                if (shots[i].Image is not null)
                {
                    context.Report(CheckContext.ShotPath(i, "image"),
                        $"shot '{shots[i].Id}' continues sequence '{sequence}' from the last frame of shot '{shots[i - 1].Id}', so it can't also start from 'image'; remove 'image' or start a new sequence");
                }
                continue;
            }
            if (ended.TryGetValue(sequence, out var last))
            {
                var line = context.Index.Locate(CheckContext.ShotPath(last, "sequence")).Line;
                context.Report(CheckContext.ShotPath(i, "sequence"),
                    $"sequence '{sequence}' already ended at shot '{shots[last].Id}' (line {line}); the shots of a sequence must follow one another");
            }
            var end = i;
            while (end + 1 < shots.Count && shots[end + 1].Sequence == sequence) end++;
            ended[sequence] = end;
        }
    }
}
