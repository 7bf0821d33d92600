using static CloudReel.Core.Orders.OrderNodes;

namespace CloudReel.Core.Orders;

/// <summary>The node forms of the look, a character and the quality checks, with only what differs from the defaults.</summary>
internal static class CastNodes
{
    /// <summary>The look's pictures; its style is written as the order's 'style'.</summary>
    public static MappingNode Look(IReadOnlyList<string> pictures)
    {
        var node = Mapping();
        Put(node, "pictures", List(pictures.Select(OrderNodes.Text)));
        return node;
    }

    public static MappingNode Character(CastMember character)
    {
        var node = Mapping();
        Put(node, "id", OrderNodes.Text(character.Id));
        Put(node, "name", OrderNodes.Text(character.Name));
        Put(node, "look", OrderNodes.Text(character.Look));
        if (character.Pictures.Count > 0) Put(node, "pictures", List(character.Pictures.Select(OrderNodes.Text)));
        if (character.Voice is { } voice) Put(node, "voice", OrderNodes.Text(voice));
        else if (character.Voices.Count > 0) Put(node, "voice", VoiceNodes.Texts(character.Voices));
        return node;
    }

    public static MappingNode Qa(QaSpec qa)
    {
        var defaults = QaSpec.Default;
        var node = Mapping();
        if (qa.Retries != defaults.Retries) Put(node, "retries", Number(qa.Retries));
        if (!qa.Checks.SequenceEqual(defaults.Checks)) Put(node, "checks", List(qa.Checks.Select(c => OrderNodes.Text(KebabNames.Of(c)))));
        if (qa.OnFail != defaults.OnFail) Put(node, "onFail", OrderNodes.Text(KebabNames.Of(qa.OnFail)));
        if (qa.MinScore is { } score) Put(node, "minScore", Number(score));
        return node;
    }
}
