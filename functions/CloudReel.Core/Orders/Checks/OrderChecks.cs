namespace CloudReel.Core.Orders;

/// <summary>Rules that span fields: caption languages and widths, unique shot ids, cut lengths, transition overlaps.</summary>
internal static class OrderChecks
{
    public static void Run(CheckContext context)
    {
        CheckCutHasNoSeconds(context, "transition");
        var shots = context.Order.Shots;
        var languagesKnown = !context.Index.IsRejected("languages")
            && !(context.Index.Find("languages") is SequenceNode list && list.Items.Any(context.Index.IsRejected));
        for (var i = 0; i < shots.Count; i++)
        {
            CheckCutHasNoSeconds(context, CheckContext.ShotPath(i, "transition"));
            CheckCaptions(context, i, languagesKnown);
        }
        CheckUniqueIds(context);
        CheckTransitionOverlaps(context);
    }

    private static void CheckCutHasNoSeconds(CheckContext context, string path)
    {
        if (context.Index.Find(path) is MappingNode map && map.Find("type") is ScalarNode { Text: "cut" } && map.Has("seconds"))
        {
            context.Report(FieldPath.Child(path, "seconds"), "a cut has no length; remove 'seconds' or pick a transition such as 'crossfade'", atKey: true);
        }
    }

    // languagesKnown is false when 'languages' had a rejected value: captions aren't held against a list the user didn't write.
    private static void CheckCaptions(CheckContext context, int shot, bool languagesKnown)
    {
        var languages = context.Order.Languages;
        var path = CheckContext.ShotPath(shot, "caption");
        if (context.Index.Find(path) is ScalarNode { IsText: true } plain)
        {
            if (languages.Count == 0 && languagesKnown)
            {
                context.Report(path, "a caption without a language is in the order's first language, but the order has no 'languages'; add e.g. 'languages: [en]'");
            }
            CheckWidth(context, path, plain.Text);
            return;
        }
        foreach (var (language, text) in context.Order.Shots[shot].Captions)
        {
            var captionPath = FieldPath.Child(path, language);
            if (languagesKnown && !languages.Contains(language))
            {
                context.Report(captionPath, languages.Count == 0
                    ? $"caption language '{language}' needs 'languages' in the order; add 'languages: [{language}]'"
                    : $"caption language '{language}' is not in the order's languages ({string.Join(", ", languages)}){Suggestions.Hint(language, languages)}",
                    atKey: true);
            }
            CheckWidth(context, captionPath, text);
        }
    }

    private static void CheckWidth(CheckContext context, string path, string caption)
    {
        var width = TextRules.DisplayWidth(caption);
        if (width > TextRules.MaxCaptionWidth)
        {
            context.Report(path, $"is {width} columns wide; a caption fits in {TextRules.MaxCaptionWidth} (CJK and fullwidth characters take 2)");
        }
    }

    private static void CheckUniqueIds(CheckContext context)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var shots = context.Order.Shots;
        for (var i = 0; i < shots.Count; i++)
        {
            if (shots[i].Id.Length == 0 || first.TryAdd(shots[i].Id, i)) continue;
            var line = context.Index.Locate(CheckContext.ShotPath(first[shots[i].Id], "id")).Line;
            context.Report(CheckContext.ShotPath(i, "id"), $"duplicate shot id '{shots[i].Id}' (first used on line {line}); shot ids must be unique");
        }
    }

    private static void CheckTransitionOverlaps(CheckContext context)
    {
        var order = context.Order;
        var shots = order.Shots;
        for (var i = 0; i < shots.Count; i++)
        {
            var incoming = i > 0 ? (shots[i - 1].Transition ?? order.Transition).OverlapSeconds : 0;
            var outgoing = i < shots.Count - 1 ? (shots[i].Transition ?? order.Transition).OverlapSeconds : 0;
            if (shots[i].Seconds >= incoming + outgoing - 1e-9) continue;
            context.Report(CheckContext.ShotPath(i, "seconds"),
                $"{NodeText.Number(shots[i].Seconds)} s is shorter than the transitions that overlap it " +
                $"({NodeText.Number(incoming)} s in + {NodeText.Number(outgoing)} s out); make the shot longer or the transitions shorter");
        }
    }
}
