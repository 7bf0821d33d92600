namespace CloudReel.Core.Orders;

/// <summary>
/// Checks an order's node tree against <see cref="OrderFormat"/>: shapes, types, limits, patterns,
/// unknown and missing fields. Reports every problem, rejects the nodes that can't be used, and
/// indexes every field's position for the checks that come after.
/// </summary>
internal sealed class StructuralValidator
{
    private readonly OrderProblems _problems;
    private readonly NodeIndex _index = new();

    private StructuralValidator(OrderProblems problems) => _problems = problems;

    public static NodeIndex Validate(OrderNode root, OrderProblems problems)
    {
        var validator = new StructuralValidator(problems);
        validator.Check(root, OrderFormat.Order, FieldPath.Root, key: null);
        return validator._index;
    }

    private void Check(OrderNode node, FieldType type, string path, ScalarNode? key)
    {
        _index.Add(path, node, key);
        if (node is ErrorNode)
        {
            _index.Reject(node);
            return;
        }
        switch (type)
        {
            case ObjectType objectType:
                CheckObject(node, objectType, path);
                break;
            case ListType listType:
                CheckList(node, listType, path);
                break;
            case MapType mapType:
                CheckMap(node, mapType, path);
                break;
            case OneOfType oneOf:
                var form = FormFor(node, oneOf);
                if (form is null) Reject(node, path, NodeText.Mismatch(oneOf, node));
                else Check(node, form, path, key);
                break;
            default:
                if (ScalarRules.Check(node, type) is { } problem) Reject(node, path, problem);
                break;
        }
    }

    private void CheckObject(OrderNode node, ObjectType type, string path)
    {
        if (node is not MappingNode mapping)
        {
            Reject(node, path, NodeText.Mismatch(type, node));
            return;
        }
        var names = type.Fields.Where(f => !f.TemplateOnly).Select(f => f.Name).ToList();
        foreach (var (key, value) in mapping.Entries)
        {
            var childPath = FieldPath.Child(path, key.Text);
            if (type.Field(key.Text) is { TemplateOnly: false } field)
            {
                Check(value, field.Type, childPath, key);
                continue;
            }

            if (type.Field(key.Text) is { TemplateOnly: true })
            {
                _index.Add(childPath, value, key);
                _index.Reject(value);
                _problems.Add(key.Position, childPath,
                    $"'{key.Text}' belongs to templates: make one film per row of data with `cloudreel batch TEMPLATE DATA` (see the README, Batches and templates)");
                continue;
            }
            _index.Add(childPath, value, key);
            _index.Reject(value);
            var hint = Suggestions.Hint(key.Text, names);
            _problems.Add(key.Position, childPath, hint.Length > 0
                ? $"unknown field '{key.Text}'{hint}"
                : $"unknown field '{key.Text}' (known fields here: {string.Join(", ", names.Where(n => n != "$schema"))})");
        }
        foreach (var field in type.Fields.Where(f => f.Required && !mapping.Has(f.Name)))
        {
            _problems.Add(mapping.Position, FieldPath.Child(path, field.Name), $"missing required field '{field.Name}': {field.Description}");
        }
        foreach (var field in type.Fields.Where(f => f.RequiredUnless is { } other && !mapping.Has(f.Name) && !mapping.Has(other)))
        {
            _problems.Add(mapping.Position, FieldPath.Child(path, field.Name),
                $"missing required field '{field.Name}' (needed unless the {type.Noun} has '{field.RequiredUnless}'): {field.Description}");
        }
        foreach (var field in type.Fields.Where(f => f.NotWith is not null && mapping.Has(f.Name)))
        {
            foreach (var other in field.NotWith!.Where(mapping.Has))
            {
                var otherPath = FieldPath.Child(path, other);
                _problems.Add(_index.Locate(otherPath, atKey: true), otherPath, $"'{other}' can't be given together with '{field.Name}'");
            }
        }
        foreach (var field in type.Fields.Where(f => f.OnlyWith is not null && mapping.Has(f.Name) && !f.OnlyWith.Any(mapping.Has)))
        {
            var childPath = FieldPath.Child(path, field.Name);
            _problems.Add(_index.Locate(childPath, atKey: true), childPath,
                $"'{field.Name}' is only allowed together with {Either(field.OnlyWith!)}");
        }
        if (type.ExactlyOneOf is { } exactlyOne) CheckExactlyOne(mapping, type, exactlyOne, path);
    }

    private void CheckExactlyOne(MappingNode mapping, ObjectType type, IReadOnlyList<string> names, string path)
    {
        var present = names.Where(mapping.Has).ToList();
        if (present.Count == 0)
        {
            _problems.Add(mapping.Position, FieldPath.Child(path, names[0]), $"the {type.Noun} needs one of {Either(names)}");
        }
        foreach (var extra in present.Skip(1))
        {
            var childPath = FieldPath.Child(path, extra);
            _problems.Add(_index.Locate(childPath, atKey: true), childPath,
                $"'{extra}' can't be given together with '{present[0]}': give exactly one of {Either(names)}");
        }
    }

    private void CheckList(OrderNode node, ListType type, string path)
    {
        if (node is not SequenceNode sequence)
        {
            Reject(node, path, NodeText.Mismatch(type, node));
            return;
        }
        var count = sequence.Items.Count;
        if (count < type.MinItems) _problems.Add(sequence.Position, path, $"has {count} {type.ItemsNoun}; at least {type.MinItems} needed");
        if (count > type.MaxItems) _problems.Add(sequence.Position, path, $"has {count} {type.ItemsNoun}; at most {type.MaxItems} allowed");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = FieldPath.Item(path, i);
            Check(item, type.Item, itemPath, key: null);
            if (type.Unique && item is ScalarNode scalar && !_index.IsRejected(item) && !seen.TryAdd(UniqueKey(scalar), i))
            {
                Reject(item, itemPath, $"'{NodeText.Quote(scalar.Text)}' is already listed (at {FieldPath.Item(path, seen[UniqueKey(scalar)])})");
            }
        }
    }

    private void CheckMap(OrderNode node, MapType type, string path)
    {
        if (node is not MappingNode mapping)
        {
            Reject(node, path, NodeText.Mismatch(type, node));
            return;
        }
        if (mapping.Entries.Count < type.MinEntries) _problems.Add(mapping.Position, path, "must not be empty");
        foreach (var (key, value) in mapping.Entries)
        {
            var childPath = FieldPath.Child(path, key.Text);
            Check(value, type.Value, childPath, key);
            if (ScalarRules.Check(key, type.Key) is { } problem)
            {
                _problems.Add(key.Position, childPath, problem);
                _index.Reject(value);
            }
        }
    }

    private void Reject(OrderNode node, string path, string message)
    {
        _problems.Add(node.Position, path, message);
        _index.Reject(node);
    }

    /// <summary>
    /// The form a value is written in: the one its shape and kind fit (a number for a number, text
    /// for a name); else the only form its shape fits, whose own check then says what is wrong.
    /// </summary>
    private static FieldType? FormFor(OrderNode node, OneOfType oneOf)
    {
        var shaped = oneOf.Forms.Where(f => FitsShape(node, f)).ToList();
        return shaped.FirstOrDefault(f => FitsKind(node, f)) ?? (shaped.Count == 1 ? shaped[0] : null);
    }

    private static bool FitsKind(OrderNode node, FieldType form) => node is not ScalarNode scalar || form switch
    {
        NumberType => scalar.Kind == ScalarKind.Number,
        BooleanType => scalar.Kind == ScalarKind.Boolean,
        TextType or ChoiceType or PathType => scalar.Kind == ScalarKind.Text,
        _ => true,
    };

    private static bool FitsShape(OrderNode node, FieldType form) => node switch
    {
        MappingNode => form is ObjectType or MapType,
        SequenceNode => form is ListType,
        _ => form is not (ObjectType or MapType or ListType),
    };

    private static string UniqueKey(ScalarNode scalar) => scalar.Kind + ":" + (scalar.Kind == ScalarKind.Number
        ? scalar.Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : scalar.Text);

    private static string Either(IReadOnlyList<string> names) => NodeText.Or(names.Select(n => $"'{n}'").ToList());
}
