using static CloudReel.Core.Orders.OrderNodes;

namespace CloudReel.Core.Orders;

/// <summary>The node forms of the voice, of words per language and of a dialogue line.</summary>
internal static class VoiceNodes
{
    public static MappingNode Voice(VoiceSpec voice)
    {
        var defaults = VoiceSpec.Default;
        var node = Mapping();
        if (voice.Provider is { } provider) Put(node, "provider", OrderNodes.Text(provider));
        if (voice.Language is { } language) Put(node, "language", OrderNodes.Text(language));
        if (voice.VoicesByLanguage.Count > 0) Put(node, "voices", Texts(voice.VoicesByLanguage));
        if (!voice.Rate.Equals(defaults.Rate)) Put(node, "rate", Number(voice.Rate));
        if (!voice.Pitch.Equals(defaults.Pitch)) Put(node, "pitch", Number(voice.Pitch));
        if (voice.Style is { } style) Put(node, "style", OrderNodes.Text(style));
        return node;
    }

    public static MappingNode Texts(IReadOnlyDictionary<string, string> byLanguage)
    {
        var node = Mapping();
        foreach (var (language, text) in byLanguage) Put(node, language, OrderNodes.Text(text));
        return node;
    }

    public static MappingNode Line(DialogueLine line)
    {
        var node = Mapping();
        Put(node, "character", OrderNodes.Text(line.Character));
        Put(node, "line", Texts(line.Text));
        return node;
    }
}
