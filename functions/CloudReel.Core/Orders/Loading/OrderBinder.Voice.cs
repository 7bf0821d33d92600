namespace CloudReel.Core.Orders;

/// <summary>Binding of the voice, the narration and the dialogue.</summary>
internal sealed partial class OrderBinder
{
    private VoiceSpec BindVoice(OrderNode? node)
    {
        if (node is not MappingNode map) return VoiceSpec.Default;
        var voices = Usable(map.Find("voices")) is MappingNode perLanguage ? TextsByKey(perLanguage) : null;
        return new VoiceSpec(
            Text(map, "provider"),
            Text(map, "language"),
            voices,
            Number(map, "rate") ?? VoiceSpec.Default.Rate,
            Number(map, "pitch") ?? VoiceSpec.Default.Pitch,
            Text(map, "style"));
    }

    /// <summary>A character's 'voice': one name for every language, or a name per language.</summary>
    private (string? Voice, IReadOnlyDictionary<string, string> Voices) BindCharacterVoice(MappingNode character) => Usable(character.Find("voice")) switch
    {
        ScalarNode { IsText: true } name => (name.Text, new Dictionary<string, string>()),
        MappingNode perLanguage => (null, TextsByKey(perLanguage)),
        _ => (null, new Dictionary<string, string>()),
    };

    private IReadOnlyList<DialogueLine> BindDialogue(OrderNode? node, IReadOnlyList<string> languages)
    {
        if (node is not SequenceNode list) return [];
        // A line that could not be read stands in empty, so dialogue[i] still matches the file.
        return list.Items.Select(item => Usable(item) is MappingNode line
            ? new DialogueLine(Text(line, "character") ?? "", BindCaptions(Usable(line.Find("line")), languages))
            : new DialogueLine("", new Dictionary<string, string>())).ToList();
    }

    private Dictionary<string, string> TextsByKey(MappingNode map)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (Usable(value) is ScalarNode { IsText: true } text) texts[key.Text] = text.Text;
        }
        return texts;
    }
}
