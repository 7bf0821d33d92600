using System.Globalization;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Templates;

/// <summary>Where a node of a rendered order came from: its place in the template and the variables that filled it.</summary>
internal sealed record NodeOrigin(SourcePosition At, string TemplatePath, IReadOnlyList<string> Variables);

/// <summary>A value that could not be put in its field (e.g. a number format on text), with the variable it came from.</summary>
internal sealed record RenderProblem(string Variable, string Field, string Message);

/// <summary>A row's order as a node tree, where each of its fields came from, and what could not be rendered.</summary>
internal sealed record RenderedOrder(MappingNode Root, IReadOnlyDictionary<string, NodeOrigin> Origins, IReadOnlyList<RenderProblem> Problems);

/// <summary>
/// Fills a template with one row's values on the parsed tree (so YAML quoting cannot break and every
/// field keeps where it came from): placeholders replaced, <c>when</c> items kept or dropped,
/// <c>repeat</c> items made once per list item, <c>variables:</c> left out. A text that is a single
/// placeholder keeps its value's type (a number stays a number); one whose value is empty leaves its
/// field out. A repeated item's <c>id</c> without a placeholder gets "-1", "-2", … so ids stay unique.
/// </summary>
internal sealed class TemplateRenderer(OrderTemplate template)
{
    public RenderedOrder Render(IReadOnlyDictionary<string, TemplateValue?> values) => new Pass(template, values).Run();

    /// <summary>The item a repeat is at.</summary>
    private sealed record RepeatScope(string ListVariable, TemplateValue Item, int Index);

    private sealed class Pass(OrderTemplate template, IReadOnlyDictionary<string, TemplateValue?> values)
    {
        private readonly Dictionary<string, NodeOrigin> _origins = new(StringComparer.Ordinal);
        private readonly List<RenderProblem> _problems = [];

        public RenderedOrder Run()
        {
            var root = new MappingNode(template.Root.Position);
            Note(FieldPath.Root, template.Root, FieldPath.Root, []);
            foreach (var (key, value) in template.Root.Entries.Where(e => e.Key.Text != TemplateDeclarations.Key))
            {
                var path = FieldPath.Child(FieldPath.Root, key.Text);
                if (RenderNode(value, path, path, null) is { } rendered) root.Add(key, rendered);
            }

            return new RenderedOrder(root, _origins, _problems);
        }

        /// <returns>The rendered node, or null when the field is to be left out.</returns>
        private OrderNode? RenderNode(OrderNode node, string path, string templatePath, RepeatScope? scope)
        {
            switch (node)
            {
                case MappingNode mapping:
                    var rendered = new MappingNode(mapping.Position);
                    Note(path, mapping, templatePath, []);
                    foreach (var (key, value) in mapping.Entries)
                    {
                        var child = RenderNode(value, FieldPath.Child(path, key.Text), FieldPath.Child(templatePath, key.Text), scope);
                        if (child is not null) rendered.Add(key, child);
                    }

                    return rendered;
                case SequenceNode sequence:
                    return RenderSequence(sequence, path, templatePath, scope);
                case ScalarNode scalar when template.Texts.TryGetValue(scalar, out var text):
                    return RenderText(scalar, text, path, templatePath, scope);
                default:
                    Note(path, node, templatePath, []);
                    return node;
            }
        }

        private SequenceNode RenderSequence(SequenceNode sequence, string path, string templatePath, RepeatScope? scope)
        {
            var rendered = new SequenceNode(sequence.Position);
            Note(path, sequence, templatePath, []);
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                var itemTemplatePath = FieldPath.Item(templatePath, i);
                if (sequence.Items[i] is not MappingNode item || !(item.Has(OrderTemplate.When) || item.Has(OrderTemplate.Repeat)))
                {
                    if (RenderNode(sequence.Items[i], FieldPath.Item(path, rendered.Items.Count), itemTemplatePath, scope) is { } plain) rendered.Items.Add(plain);
                    continue;
                }

                foreach (var itemScope in Repeats(item, path, scope))
                {
                    var itemPath = FieldPath.Item(path, rendered.Items.Count);
                    if (!Keeps(item, itemPath, itemScope)) continue;
                    var body = new MappingNode(item.Position);
                    var repeated = itemScope is not null && !ReferenceEquals(itemScope, scope);
                    foreach (var entry in item.Entries.Where(e => e.Key.Text is not (OrderTemplate.When or OrderTemplate.Repeat)))
                    {
                        body.Add(entry.Key, repeated && entry.Key.Text == "id" ? NumberedId(entry.Value, itemScope!) : entry.Value);
                    }

                    rendered.Items.Add(RenderNode(body, itemPath, itemTemplatePath, itemScope)!);
                }
            }

            return rendered;
        }

        /// <summary>One scope per item of the list a <c>repeat</c> names; the enclosing scope once when it names none.</summary>
        private IEnumerable<RepeatScope?> Repeats(MappingNode item, string path, RepeatScope? scope)
        {
            if (item.Find(OrderTemplate.Repeat) is not { } repeat || OrderTemplate.RepeatNameOf(repeat) is not { } name)
            {
                yield return scope;
                yield break;
            }

            switch (values.GetValueOrDefault(name))
            {
                case ListValue list:
                    for (var i = 0; i < list.Items.Count; i++) yield return new RepeatScope(name, list.Items[i], i + 1);
                    break;
                case null:
                    break;
                case var other:
                    _problems.Add(new RenderProblem(name, path, $"'repeat' needs a list, found {TemplateFilters.Describe(other)}"));
                    break;
            }
        }

        private bool Keeps(MappingNode item, string itemPath, RepeatScope? scope)
        {
            switch (item.Find(OrderTemplate.When))
            {
                case null:
                    return true;
                case ScalarNode { Kind: ScalarKind.Boolean } flag:
                    return flag.Flag;
                case ScalarNode scalar when template.Texts.TryGetValue(scalar, out var text):
                    var (value, _) = Evaluate(text, FieldPath.Child(itemPath, OrderTemplate.When), scope);
                    return value?.IsTrue ?? false;
                default:
                    return true;
            }
        }

        /// <summary>A repeated item's fixed id becomes "id-1", "id-2", …, so the ids of the copies differ.</summary>
        private OrderNode NumberedId(OrderNode id, RepeatScope scope) =>
            id is ScalarNode { IsText: true } text && !template.Texts.ContainsKey(text)
                ? ScalarNode.OfText(text.Position, text.Text + "-" + scope.Index.ToString(CultureInfo.InvariantCulture))
                : id;

        private OrderNode? RenderText(ScalarNode scalar, TemplateText text, string path, string templatePath, RepeatScope? scope)
        {
            var used = text.Placeholders.Select(p => p.Variable is Placeholder.Item or Placeholder.Index ? scope?.ListVariable ?? p.Variable : p.Variable)
                .Distinct(StringComparer.Ordinal).ToList();
            Note(path, scalar, templatePath, used);
            if (text.Whole is { } whole)
            {
                var (value, fine) = EvaluateOne(whole, path, scope);
                if (!fine) return ScalarNode.OfText(scalar.Position, "");
                return value switch
                {
                    null or { IsEmpty: true } => null,
                    NumberValue number => ScalarNode.OfNumber(scalar.Position, number.ToText(), number.Value),
                    FlagValue flag => ScalarNode.OfBoolean(scalar.Position, flag.Value),
                    ListValue list => ListNode(scalar.Position, list, path, used),
                    _ => ScalarNode.OfText(scalar.Position, value.ToText()),
                };
            }

            var (joined, _) = Evaluate(text, path, scope);
            return ScalarNode.OfText(scalar.Position, joined?.ToText() ?? "");
        }

        private SequenceNode ListNode(SourcePosition at, ListValue list, string path, IReadOnlyList<string> used)
        {
            var sequence = new SequenceNode(at);
            foreach (var item in list.Items)
            {
                var itemPath = FieldPath.Item(path, sequence.Items.Count);
                _origins[itemPath] = new NodeOrigin(at, path, used);
                sequence.Items.Add(item switch
                {
                    NumberValue number => ScalarNode.OfNumber(at, number.ToText(), number.Value),
                    FlagValue flag => ScalarNode.OfBoolean(at, flag.Value),
                    _ => ScalarNode.OfText(at, item.ToText()),
                });
            }

            return sequence;
        }

        /// <summary>The text with every placeholder filled; null when a placeholder failed (the problem is noted).</summary>
        private (TemplateValue? Value, bool Fine) Evaluate(TemplateText text, string path, RepeatScope? scope)
        {
            if (text.Whole is { } whole) return EvaluateOne(whole, path, scope);
            var builder = new System.Text.StringBuilder();
            foreach (var part in text.Parts)
            {
                if (part.Placeholder is null)
                {
                    builder.Append(part.Literal);
                    continue;
                }

                var (value, fine) = EvaluateOne(part.Placeholder, path, scope);
                if (!fine) return (null, false);
                builder.Append(value?.ToText());
            }

            return (TemplateValue.Of(builder.ToString()), true);
        }

        private (TemplateValue? Value, bool Fine) EvaluateOne(Placeholder placeholder, string path, RepeatScope? scope)
        {
            var source = placeholder.Variable is Placeholder.Item or Placeholder.Index ? scope!.ListVariable : placeholder.Variable;
            TemplateValue? value;
            switch (placeholder.Variable)
            {
                case Placeholder.Index:
                    value = new NumberValue(scope!.Index);
                    break;
                case Placeholder.Item when placeholder.Field is { } field:
                    if (scope!.Item is not RecordValue record || !record.Fields.TryGetValue(field, out value))
                    {
                        var fields = scope.Item is RecordValue r ? r.Fields.Keys : [];
                        _problems.Add(new RenderProblem(source, path, $"the item has no field '{field}'{Suggestions.Hint(field, fields)}" +
                            (scope.Item is RecordValue ? "" : $" (it is {TemplateFilters.Describe(scope.Item)}; write {{{{ item }}}})")));
                        return (null, false);
                    }

                    break;
                case Placeholder.Item:
                    value = scope!.Item;
                    break;
                default:
                    value = values.GetValueOrDefault(placeholder.Variable);
                    break;
            }

            foreach (var filter in placeholder.Filters)
            {
                var (filtered, problem) = TemplateFilters.Apply(filter, value);
                if (problem is not null)
                {
                    _problems.Add(new RenderProblem(source, path, problem));
                    return (null, false);
                }

                value = filtered;
            }

            return (value, true);
        }

        private void Note(string path, OrderNode node, string templatePath, IReadOnlyList<string> variables) =>
            _origins[path] = new NodeOrigin(node.Position, templatePath, variables);
    }
}
