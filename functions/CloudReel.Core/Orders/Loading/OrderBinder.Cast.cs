namespace CloudReel.Core.Orders;

/// <summary>Binding of the cast, the look and the quality checks.</summary>
internal sealed partial class OrderBinder
{
    private IReadOnlyList<CastMember> BindCharacters(OrderNode? node)
    {
        if (node is not SequenceNode list) return [];
        var characters = new List<CastMember>();
        foreach (var item in list.Items)
        {
            // A character that could not be read stands in empty, so characters[i] still matches the file.
            if (Usable(item) is not MappingNode map)
            {
                characters.Add(new CastMember("", "", "", []));
                continue;
            }
            var (voice, voices) = BindCharacterVoice(map);
            characters.Add(new CastMember(
                Text(map, "id") ?? "",
                Text(map, "name") ?? "",
                Text(map, "look") ?? "",
                Texts(map, "pictures")?.OfType<string>().ToList() ?? [],
                voice) { Voices = voices });
        }
        return characters;
    }

    private QaSpec BindQa(OrderNode? node)
    {
        if (node is not MappingNode map) return QaSpec.Default;
        var defaults = QaSpec.Default;
        var checks = Texts(map, "checks")?.OfType<string>()
            .Select(name => KebabNames.TryParse<QaCheck>(name, out var check) ? check : (QaCheck?)null)
            .OfType<QaCheck>()
            .ToList();
        return new QaSpec(
            Number(map, "retries") is { } retries ? (int)retries : defaults.Retries,
            checks ?? defaults.Checks,
            Choice<QaFailure>(map, "onFail") ?? defaults.OnFail,
            Number(map, "minScore"));
    }
}
