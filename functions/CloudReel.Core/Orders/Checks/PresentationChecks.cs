namespace CloudReel.Core.Orders;

/// <summary>Rules between the fields the assembler reads: aspects listed once, the poster's shot, bilingual captions, label and logo apart.</summary>
internal static class PresentationChecks
{
    public static void Run(CheckContext context)
    {
        CheckAspectsOnce(context);
        CheckPoster(context);
        CheckBilingual(context);
        CheckLabelAndLogoApart(context);
    }

    // "16:9" and {ratio: "16:9"} are different list items to the schema, the same rendition to us.
    private static void CheckAspectsOnce(CheckContext context)
    {
        if (context.Index.Find("aspects") is not SequenceNode list) return;
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var ratio = list.Items[i] switch
            {
                ScalarNode { IsText: true } scalar => scalar.Text,
                MappingNode map when map.Find("ratio") is ScalarNode { IsText: true } scalar => scalar.Text,
                _ => null,
            };
            if (ratio is null || first.TryAdd(ratio, i)) continue;
            context.Report(FieldPath.Item("aspects", i), $"'{ratio}' is already listed (at {FieldPath.Item("aspects", first[ratio])}); list each aspect ratio once");
        }
    }

    private static void CheckPoster(CheckContext context)
    {
        var order = context.Order;
        if (order.Poster is not { } poster || order.NeedsPlanning) return;
        var path = context.Index.Has("poster.shot") ? "poster.shot" : "poster";
        var shot = order.Shots.FirstOrDefault(s => s.Id == poster.ShotId);
        if (shot is null)
        {
            var ids = order.Shots.Select(s => s.Id).Where(id => id.Length > 0).ToList();
            context.Report(path, $"there is no shot '{poster.ShotId}'{Suggestions.Hint(poster.ShotId, ids)} (shots: {string.Join(", ", ids)})");
        }
        else if (poster.AtSeconds is { } at && at >= shot.Seconds)
        {
            context.Report("poster.at", $"{NodeText.Number(at)} s is past the end of shot '{shot.Id}', which lasts {NodeText.Number(shot.Seconds)} s");
        }
    }

    private static void CheckBilingual(CheckContext context)
    {
        if (context.Order.CaptionStyle != CaptionStyle.Bilingual || context.Index.IsRejected("languages")) return;
        if (context.Order.Languages.Count < 2)
        {
            context.Report("captionStyle", "bilingual captions show the first two of 'languages', but the order has "
                + (context.Order.Languages.Count == 0 ? "none" : $"only '{context.Order.Languages[0]}'") + "; add a second language, e.g. 'languages: [zh-CN, en]'");
        }
    }

    private static void CheckLabelAndLogoApart(CheckContext context)
    {
        var order = context.Order;
        if (order.Label is null || order.Logo is null || order.LabelDisplay.Position != order.LogoPlacement.Position) return;
        var corner = KebabNames.Of(order.LabelDisplay.Position);
        var path = context.Index.Has("label.position") ? "label.position" : "logo.position";
        context.Report(path, $"the label and the logo would both sit {corner}; put one of them in another corner");
    }
}
