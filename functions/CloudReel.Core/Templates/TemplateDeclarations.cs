using CloudReel.Core.Orders;

namespace CloudReel.Core.Templates;

/// <summary>
/// Reads a template's <c>variables:</c>: each name maps to its type (<c>city: string</c>) or to
/// <c>{type, default, required, description, values}</c>. Every problem is reported where it is written.
/// </summary>
internal static class TemplateDeclarations
{
    public const string Key = "variables";

    private static readonly IReadOnlyList<string> Fields = ["type", "default", "required", "description", "values"];

    public static IReadOnlyList<TemplateVariable> Read(MappingNode variables, OrderProblems problems)
    {
        var declared = new List<TemplateVariable>();
        foreach (var (key, value) in variables.Entries)
        {
            var path = FieldPath.Child(Key, key.Text);
            if (!IsName(key.Text))
            {
                problems.Add(key.Position, path, $"'{NodeText.Quote(key.Text)}' is not a variable name: letters, digits and '_', starting with a letter");
                continue;
            }

            if (key.Text is Placeholder.Item or Placeholder.Index)
            {
                problems.Add(key.Position, path, $"'{key.Text}' is kept for the current item of a repeat; choose another name");
                continue;
            }

            if (Declare(key, value, path, problems) is { } variable) declared.Add(variable);
        }

        return declared;
    }

    private static TemplateVariable? Declare(ScalarNode key, OrderNode value, string path, OrderProblems problems)
    {
        if (value is ScalarNode { IsText: true } shorthand)
        {
            return KindOf(shorthand, path, problems) is { } shortKind
                ? new TemplateVariable(key.Text, shortKind, null, true, [], null, key.Position)
                : null;
        }

        if (value is not MappingNode mapping)
        {
            problems.Add(value.Position, path, $"declare a variable with its type ({string.Join(", ", TemplateVariable.KindNames)}) or with {{type, default, required, description, values}}");
            return null;
        }

        foreach (var entry in mapping.Entries.Where(e => !Fields.Contains(e.Key.Text)))
        {
            problems.Add(entry.Key.Position, FieldPath.Child(path, entry.Key.Text),
                $"unknown field '{entry.Key.Text}'{Suggestions.Hint(entry.Key.Text, Fields)} (a variable has: {string.Join(", ", Fields)})");
        }

        var kind = mapping.Find("type") is { } typeNode ? KindOf(typeNode, FieldPath.Child(path, "type"), problems) : VariableKind.String;
        if (kind is null) return null;

        var values = ReadValues(mapping, kind.Value, path, problems);
        var description = mapping.Find("description") is ScalarNode { IsText: true } text ? text.Text : null;
        var required = true;
        if (mapping.Find("required") is { } requiredNode)
        {
            if (requiredNode is ScalarNode { Kind: ScalarKind.Boolean } flag) required = flag.Flag;
            else problems.Add(requiredNode.Position, FieldPath.Child(path, "required"), "expected true or false");
        }

        var variable = new TemplateVariable(key.Text, kind.Value, null, required, values, description, key.Position);
        if (mapping.Find("default") is not { } defaultNode) return variable;
        if (TemplateValues.FromNode(defaultNode) is not { } raw) return variable;
        var (converted, problem) = TemplateValues.Convert(variable, raw);
        if (problem is not null) problems.Add(defaultNode.Position, FieldPath.Child(path, "default"), problem);
        return variable with { Default = converted, Required = mapping.Find("required") is not null && required };
    }

    private static IReadOnlyList<string> ReadValues(MappingNode mapping, VariableKind kind, string path, OrderProblems problems)
    {
        var node = mapping.Find("values");
        var valuesPath = FieldPath.Child(path, "values");
        if (kind != VariableKind.Enum)
        {
            if (node is not null) problems.Add(node.Position, valuesPath, "'values' is only for a variable of type enum");
            return [];
        }

        if (node is SequenceNode sequence && sequence.Items.Count > 0 && sequence.Items.All(i => i is ScalarNode { Kind: not ScalarKind.Null }))
        {
            return sequence.Items.Cast<ScalarNode>().Select(s => s.Text).ToList();
        }

        problems.Add(node?.Position ?? mapping.Position, valuesPath, "an enum needs its 'values': a list of the names it allows, e.g. [mild, hot]");
        return [];
    }

    private static VariableKind? KindOf(OrderNode node, string path, OrderProblems problems)
    {
        if (node is ScalarNode { IsText: true } text)
        {
            var index = TemplateVariable.KindNames.ToList().IndexOf(text.Text);
            if (index >= 0) return (VariableKind)index;
            problems.Add(node.Position, path,
                $"unknown type '{NodeText.Quote(text.Text)}'{Suggestions.Hint(text.Text, TemplateVariable.KindNames)} (one of: {string.Join(", ", TemplateVariable.KindNames)})");
            return null;
        }

        problems.Add(node.Position, path, $"expected a type: one of {string.Join(", ", TemplateVariable.KindNames)}");
        return null;
    }

    private static bool IsName(string text) =>
        text.Length is > 0 and <= 64 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
