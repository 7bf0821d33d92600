using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CloudReel.Core.Orders;

/// <summary>
/// Reads YAML into order nodes from YamlDotNet's parser events, so every node keeps its position and
/// duplicate keys are seen. Orders stay plain: one document, no anchors, aliases, merge keys or tags.
/// </summary>
internal sealed class YamlNodeReader
{
    /// <summary>As deep as System.Text.Json reads by default; deeper input is hostile, and reading recurses.</summary>
    private const int MaxDepth = 64;

    private readonly IParser _parser;
    private readonly OrderProblems _problems;
    private int _depth;

    private YamlNodeReader(string text, OrderProblems problems)
    {
        _parser = new Parser(new StringReader(text));
        _problems = problems;
    }

    /// <summary>The root node, or null when the text is empty or not YAML (the problem is reported).</summary>
    public static OrderNode? Read(string text, OrderProblems problems) => new YamlNodeReader(text, problems).ReadStream();

    private OrderNode? ReadStream()
    {
        try
        {
            _parser.Consume<StreamStart>();
            if (!_parser.TryConsume<DocumentStart>(out _))
            {
                _problems.Add(SourcePosition.Start, FieldPath.Root, "the order is empty");
                return null;
            }
            var root = ReadNode(FieldPath.Root);
            _parser.Consume<DocumentEnd>();
            if (_parser.Accept<DocumentStart>(out var second))
            {
                _problems.Add(At(second.Start), FieldPath.Root,
                    "an order is a single YAML document; remove the second document (from this '---' on)");
            }
            return root;
        }
        catch (YamlException ex)
        {
            _problems.Add(At(ex.Start), "syntax", "YAML syntax error: " + ex.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some unfinished flow collections.
            var near = _parser.Current is { } last ? At(last.End) : SourcePosition.Start;
            _problems.Add(near, "syntax", "YAML syntax error after this point: check for an unclosed '[', '{' or quote");
            return null;
        }
    }

    private OrderNode ReadNode(string path)
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            _problems.Add(At(alias.Start), path,
                $"aliases ('*{alias.Value}') are not allowed in orders; write the value out in full");
            return new ErrorNode(At(alias.Start));
        }
        var node = _parser.Consume<NodeEvent>();
        if (!node.Anchor.IsEmpty)
        {
            _problems.Add(At(node.Start), path, $"anchors ('&{node.Anchor}') are not allowed in orders; remove it");
        }
        if (!node.Tag.IsEmpty)
        {
            _problems.Add(At(node.Start), path,
                $"tags ('{ShortTag(node.Tag.Value)}') are not allowed in orders; write text in quotes, numbers and true/false as they are");
            Skip(node);
            return new ErrorNode(At(node.Start));
        }
        if (node is Scalar scalar)
        {
            return scalar.Style == ScalarStyle.Plain
                ? YamlScalars.Resolve(At(scalar.Start), scalar.Value)
                : ScalarNode.OfText(At(scalar.Start), scalar.Value);
        }
        if (++_depth > MaxDepth) throw new YamlException(node.Start, node.End, $"the order is nested more than {MaxDepth} levels deep");
        OrderNode collection = node is SequenceStart sequence ? ReadSequence(sequence, path) : ReadMapping((MappingStart)node, path);
        _depth--;
        return collection;
    }

    private SequenceNode ReadSequence(SequenceStart start, string path)
    {
        var sequence = new SequenceNode(At(start.Start));
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            sequence.Items.Add(ReadNode(FieldPath.Item(path, sequence.Items.Count)));
        }
        return sequence;
    }

    private MappingNode ReadMapping(MappingStart start, string path)
    {
        var mapping = new MappingNode(At(start.Start));
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = _parser.Current!;
            if (keyEvent is Scalar { Style: ScalarStyle.Plain, Value: "<<" } mergeKey)
            {
                _parser.MoveNext();
                _problems.Add(At(mergeKey.Start), path, "merge keys ('<<') are not allowed in orders; write the fields out in full");
                _parser.SkipThisAndNestedEvents();
                continue;
            }
            var keyNode = ReadNode(path);
            if (keyNode is not ScalarNode key)
            {
                if (keyNode is not ErrorNode) _problems.Add(keyNode.Position, path, "keys must be plain names, not lists or mappings");
                _parser.SkipThisAndNestedEvents();
                continue;
            }
            var childPath = FieldPath.Child(path, key.Text);
            var value = ReadNode(childPath);
            mapping.AddRead(key, value, childPath, _problems);
        }
        return mapping;
    }

    private void Skip(NodeEvent consumed)
    {
        var depth = consumed is MappingStart or SequenceStart ? 1 : 0;
        while (depth > 0)
        {
            var next = _parser.Consume<ParsingEvent>();
            depth += next.NestingIncrease;
        }
    }

    private static string ShortTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    private static SourcePosition At(Mark mark) => new((int)mark.Line, (int)mark.Column);
}
