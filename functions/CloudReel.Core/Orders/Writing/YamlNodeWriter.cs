using System.Text;

namespace CloudReel.Core.Orders;

/// <summary>Writes a node tree as block-style YAML, two spaces per level, a blank line between mappings in a list.</summary>
internal sealed class YamlNodeWriter
{
    private readonly StringBuilder _out = new();

    public static string Write(MappingNode root)
    {
        var writer = new YamlNodeWriter();
        writer.WriteMapping(root, indent: 0, firstLineStarted: false);
        return writer._out.ToString();
    }

    private void WriteMapping(MappingNode mapping, int indent, bool firstLineStarted)
    {
        foreach (var (key, value) in mapping.Entries)
        {
            if (!firstLineStarted) _out.Append(' ', indent);
            firstLineStarted = false;
            _out.Append(YamlScalarStyle.Inline(key.Text)).Append(':');
            WriteValue(value, indent);
        }
    }

    /// <summary>Writes a value after "key:" or "-" on a line indented by <paramref name="indent"/>.</summary>
    private void WriteValue(OrderNode value, int indent)
    {
        switch (value)
        {
            case MappingNode { Entries.Count: 0 }:
                _out.Append(" {}\n");
                break;
            case SequenceNode { Items.Count: 0 }:
                _out.Append(" []\n");
                break;
            case MappingNode mapping:
                _out.Append('\n');
                WriteMapping(mapping, indent + 2, firstLineStarted: false);
                break;
            case SequenceNode sequence:
                _out.Append('\n');
                WriteSequence(sequence, indent + 2);
                break;
            case ScalarNode scalar:
                WriteScalar(scalar, indent + 2);
                break;
            default:
                _out.Append(" null\n");
                break;
        }
    }

    private void WriteSequence(SequenceNode sequence, int indent)
    {
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            if (item is MappingNode { Entries.Count: > 0 } mapping)
            {
                if (i > 0) _out.Append('\n');
                _out.Append(' ', indent).Append("- ");
                WriteMapping(mapping, indent + 2, firstLineStarted: true);
            }
            else
            {
                _out.Append(' ', indent).Append('-');
                WriteValue(item, indent);
            }
        }
    }

    private void WriteScalar(ScalarNode scalar, int contentIndent)
    {
        if (!scalar.IsText)
        {
            _out.Append(' ').Append(scalar.Kind == ScalarKind.Null ? "null" : scalar.Text).Append('\n');
            return;
        }
        if (!YamlScalarStyle.FitsLiteralBlock(scalar.Text))
        {
            _out.Append(' ').Append(YamlScalarStyle.Inline(scalar.Text)).Append('\n');
            return;
        }
        _out.Append(' ').Append(YamlScalarStyle.LiteralHeader(scalar.Text)).Append('\n');
        var body = scalar.Text.TrimEnd('\n');
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0) _out.Append(' ', contentIndent).Append(line);
            _out.Append('\n');
        }
        _out.Append('\n', Math.Max(0, scalar.Text.Length - body.Length - 1));
    }
}
