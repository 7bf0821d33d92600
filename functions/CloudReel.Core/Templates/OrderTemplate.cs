using System.Text.RegularExpressions;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Templates;

/// <summary>
/// A film order with <c>variables:</c> and <c>{{ … }}</c> placeholders, read and checked as a template:
/// placeholder syntax, declarations, unknown variables (with did-you-mean), variables no placeholder
/// uses, and the <c>when</c> / <c>repeat</c> of list items. The order's own fields are checked once a
/// row fills them (<see cref="TemplateRenderer"/>, then the order loader).
/// </summary>
internal sealed partial class OrderTemplate
{
    public const string When = "when";
    public const string Repeat = "repeat";

    private OrderTemplate(OrderDocument document, MappingNode root, IReadOnlyList<TemplateVariable> variables, IReadOnlyDictionary<ScalarNode, TemplateText> texts)
    {
        Document = document;
        Root = root;
        Variables = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        Texts = texts;
    }

    public OrderDocument Document { get; }

    /// <summary>The template as read, <c>variables:</c> included.</summary>
    public MappingNode Root { get; }

    public IReadOnlyDictionary<string, TemplateVariable> Variables { get; }

    /// <summary>Every text that holds placeholders, parsed; keyed by the very node it was read from.</summary>
    public IReadOnlyDictionary<ScalarNode, TemplateText> Texts { get; }

    /// <summary>The template, or every problem that keeps it from being one.</summary>
    public static (OrderTemplate? Template, IReadOnlyList<OrderError> Errors) Parse(OrderDocument document)
    {
        var problems = new OrderProblems();
        var root = OrderLoader.Read(document.Text, "template" + document.Extension, problems);
        if (problems.Count > 0 && document.Extension != OrderDocument.Json)
        {
            // YAML reads `key: {{ x }}` as a mapping inside a mapping, a puzzling error; say what to do instead.
            var unquoted = new OrderProblems();
            FindUnquotedPlaceholders(document.Text, unquoted);
            if (unquoted.Count > 0) return (null, unquoted.ToErrors(document.DisplayName));
        }

        if (root is not MappingNode mapping)
        {
            if (root is not null) problems.Add(root.Position, FieldPath.Root, "a template is a mapping of order fields with 'variables:'");
            return (null, problems.ToErrors(document.DisplayName));
        }

        IReadOnlyList<TemplateVariable> variables = [];
        switch (mapping.Find(TemplateDeclarations.Key))
        {
            case MappingNode declared:
                variables = TemplateDeclarations.Read(declared, problems);
                break;
            case { } other:
                problems.Add(other.Position, TemplateDeclarations.Key, "'variables' is a mapping of variable names to their declarations, e.g. city: string");
                break;
            default:
                problems.Add(mapping.Position, TemplateDeclarations.Key, "a template declares its 'variables:' (name: type), e.g. city: string");
                break;
        }

        var analysis = new Analysis(variables, problems);
        foreach (var (key, value) in mapping.Entries.Where(e => e.Key.Text != TemplateDeclarations.Key))
        {
            analysis.Visit(value, FieldPath.Child(FieldPath.Root, key.Text), repeat: null);
        }

        // A placeholder that does not parse may be the one that uses a variable: then "unused" would mislead.
        // Nor is a variable unused when a misspelt placeholder was pointed to it already ("did you mean 'city'?").
        foreach (var variable in variables.Where(v => !analysis.Used.Contains(v.Name) && !analysis.HasUnreadable && !analysis.Suggested.Contains(v.Name)))
        {
            problems.Add(variable.Position, FieldPath.Child(TemplateDeclarations.Key, variable.Name),
                $"variable '{variable.Name}' is declared but no placeholder uses it; use {{{{ {variable.Name} }}}} or remove it");
        }

        return problems.Count > 0
            ? (null, problems.ToErrors(document.DisplayName))
            : (new OrderTemplate(document, mapping, variables, analysis.Texts), []);
    }

    /// <summary>Lines whose value starts with an unquoted <c>{{</c>.</summary>
    private static void FindUnquotedPlaceholders(string text, OrderProblems problems)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = UnquotedValue().Match(lines[i]);
            if (!match.Success) continue;
            var column = match.Groups["open"].Index + 1;
            problems.Add(new SourcePosition(i + 1, column), "syntax",
                "a value that starts with '{{' must be in quotes in YAML, e.g. \"{{ city }}\"");
        }
    }

    [GeneratedRegex(@"^\s*(?:-\s+)?(?:[^\s#'""{][^#'""]*?:\s+)?(?<open>\{\{)")]
    private static partial Regex UnquotedValue();

    /// <summary>The list a <c>repeat</c> names: <c>repeat: dishes</c> or <c>repeat: "{{ dishes }}"</c>.</summary>
    internal static string? RepeatNameOf(OrderNode value)
    {
        if (value is not ScalarNode { IsText: true } scalar) return null;
        var text = scalar.Text.Trim();
        if (text.StartsWith(PlaceholderParser.Open, StringComparison.Ordinal) && text.EndsWith(PlaceholderParser.Close, StringComparison.Ordinal))
        {
            text = text[PlaceholderParser.Open.Length..^PlaceholderParser.Close.Length].Trim();
        }

        return text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? text : null;
    }

    /// <summary>The walk that checks placeholders and notes which variables are used.</summary>
    private sealed class Analysis(IReadOnlyList<TemplateVariable> variables, OrderProblems problems)
    {
        private readonly Dictionary<string, TemplateVariable> _byName = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);

        public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

        /// <summary>Variables an unknown name was said to be a misspelling of.</summary>
        public HashSet<string> Suggested { get; } = new(StringComparer.Ordinal);

        /// <summary>Some text's placeholders could not be read.</summary>
        public bool HasUnreadable { get; private set; }

        public Dictionary<ScalarNode, TemplateText> Texts { get; } = new(ReferenceEqualityComparer.Instance);

        /// <param name="node">The node.</param>
        /// <param name="path">Its field path in the template.</param>
        /// <param name="repeat">The list variable of the repeat it is inside, if any.</param>
        public void Visit(OrderNode node, string path, string? repeat)
        {
            switch (node)
            {
                case MappingNode mapping:
                    foreach (var (key, value) in mapping.Entries)
                    {
                        var childPath = FieldPath.Child(path, key.Text);
                        if (key.Text.Contains(PlaceholderParser.Open, StringComparison.Ordinal))
                        {
                            problems.Add(key.Position, childPath, "placeholders go in values, not in field names");
                        }

                        Visit(value, childPath, repeat);
                    }

                    break;
                case SequenceNode sequence:
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        var itemPath = FieldPath.Item(path, i);
                        if (sequence.Items[i] is MappingNode item) VisitItem(item, itemPath, repeat);
                        else Visit(sequence.Items[i], itemPath, repeat);
                    }

                    break;
                case ScalarNode { IsText: true } scalar when scalar.Text.Contains(PlaceholderParser.Open, StringComparison.Ordinal):
                    VisitText(scalar, path, repeat);
                    break;
            }
        }

        /// <summary>A list item may carry <c>when</c> and <c>repeat</c>; its fields are visited inside the repeat.</summary>
        private void VisitItem(MappingNode item, string path, string? repeat)
        {
            var inner = repeat;
            foreach (var (key, value) in item.Entries)
            {
                var childPath = FieldPath.Child(path, key.Text);
                if (key.Text == Repeat) inner = CheckRepeat(value, childPath) ?? repeat;
                else if (key.Text == When) CheckWhen(value, childPath, repeat);
            }

            foreach (var (key, value) in item.Entries.Where(e => e.Key.Text != Repeat && e.Key.Text != When))
            {
                Visit(value, FieldPath.Child(path, key.Text), inner);
            }
        }

        private string? CheckRepeat(OrderNode value, string path)
        {
            var name = RepeatNameOf(value);
            if (name is null)
            {
                problems.Add(value.Position, path, "'repeat' names a list variable, e.g. repeat: dishes");
                return null;
            }

            if (!_byName.TryGetValue(name, out var variable))
            {
                problems.Add(value.Position, path, $"unknown variable '{name}'{Suggestions.Hint(name, _byName.Keys)}");
                return null;
            }

            Used.Add(name);
            if (variable.Kind == VariableKind.List) return name;
            problems.Add(value.Position, path, $"'repeat' needs a list variable; '{name}' is {TemplateVariable.NameOf(variable.Kind)}");
            return null;
        }

        private void CheckWhen(OrderNode value, string path, string? repeat)
        {
            if (value is ScalarNode { Kind: ScalarKind.Boolean }) return;
            if (value is ScalarNode { IsText: true } text && text.Text.Contains(PlaceholderParser.Open, StringComparison.Ordinal))
            {
                VisitText(text, path, repeat);
                return;
            }

            problems.Add(value.Position, path, "'when' takes a placeholder, e.g. when: \"{{ has_night_market }}\", or true/false");
        }

        private void VisitText(ScalarNode scalar, string path, string? repeat)
        {
            var (text, problem) = PlaceholderParser.Parse(scalar.Text);
            if (text is null)
            {
                HasUnreadable = true;
                problems.Add(scalar.Position, path, problem!);
                return;
            }

            var fine = true;
            foreach (var placeholder in text.Placeholders) fine &= CheckPlaceholder(placeholder, scalar, path, repeat);
            if (fine) Texts[scalar] = text;
        }

        private bool CheckPlaceholder(Placeholder placeholder, ScalarNode scalar, string path, string? repeat)
        {
            if (placeholder.Variable is Placeholder.Item or Placeholder.Index)
            {
                if (repeat is null)
                {
                    problems.Add(scalar.Position, path, $"'{{{{ {placeholder.Path} }}}}' is only known inside an item with 'repeat: LIST'");
                    return false;
                }

                if (placeholder.Variable == Placeholder.Index && placeholder.Field is not null)
                {
                    problems.Add(scalar.Position, path, "'index' is a number and has no fields");
                    return false;
                }

                return true;
            }

            if (!_byName.ContainsKey(placeholder.Variable))
            {
                var known = repeat is null ? _byName.Keys : _byName.Keys.Append(Placeholder.Item).Append(Placeholder.Index);
                var hint = Suggestions.Hint(placeholder.Variable, known);
                if (Suggestions.Closest(placeholder.Variable, known) is { } closest && hint.Length > 0) Suggested.Add(closest);
                problems.Add(scalar.Position, path, $"unknown variable '{placeholder.Variable}'{hint}" +
                    (hint.Length == 0 ? $" (declared: {string.Join(", ", _byName.Keys)})" : ""));
                return false;
            }

            Used.Add(placeholder.Variable);
            if (placeholder.Field is null) return true;
            problems.Add(scalar.Position, path, $"'{placeholder.Path}': only 'item' (inside a repeat) has fields");
            return false;
        }
    }
}
