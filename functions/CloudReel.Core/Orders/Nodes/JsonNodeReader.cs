using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CloudReel.Core.Orders;

/// <summary>
/// Reads JSON (comments and trailing commas allowed) into order nodes with System.Text.Json's
/// <see cref="Utf8JsonReader"/>, turning byte offsets into the line and character column an editor shows.
/// </summary>
internal sealed class JsonNodeReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];
    private readonly OrderProblems _problems;

    private JsonNodeReader(string text, OrderProblems problems)
    {
        _utf8 = Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (_utf8[i] == (byte)'\n') _lineStarts.Add(i + 1);
        }
        _problems = problems;
    }

    /// <summary>The root node, or null when the text is not JSON (the problem is reported).</summary>
    public static OrderNode? Read(string text, OrderProblems problems) => new JsonNodeReader(text, problems).ReadDocument();

    private OrderNode? ReadDocument()
    {
        if (_utf8.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            _problems.Add(SourcePosition.Start, FieldPath.Root, "the order is empty");
            return null;
        }
        var reader = new Utf8JsonReader(_utf8, Options);
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, FieldPath.Root);
            while (reader.Read())
            {
                // Utf8JsonReader throws on anything but comments and whitespace after the root value.
            }
            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            _problems.Add(ColumnAt(line, (int)(ex.BytePositionInLine ?? 0)), "syntax", "JSON syntax error: " + (cut > 0 ? message[..cut] : message));
            return null;
        }
    }

    private OrderNode ReadValue(ref Utf8JsonReader reader, string path)
    {
        var at = PositionOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, at, path);
            case JsonTokenType.StartArray:
                var sequence = new SequenceNode(at);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    sequence.Items.Add(ReadValue(ref reader, FieldPath.Item(path, sequence.Items.Count)));
                }
                return sequence;
            case JsonTokenType.String:
                return ScalarNode.OfText(at, reader.GetString()!);
            case JsonTokenType.Number:
                return ScalarNode.OfNumber(at, Encoding.UTF8.GetString(reader.ValueSpan),
                    double.Parse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonTokenType.True:
            case JsonTokenType.False:
                return ScalarNode.OfBoolean(at, reader.GetBoolean());
            default:
                return ScalarNode.OfNull(at, "null");
        }
    }

    private MappingNode ReadObject(ref Utf8JsonReader reader, SourcePosition at, string path)
    {
        var mapping = new MappingNode(at);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = ScalarNode.OfText(PositionOf(reader.TokenStartIndex), reader.GetString()!);
            var childPath = FieldPath.Child(path, key.Text);
            reader.Read();
            var value = ReadValue(ref reader, childPath);
            mapping.AddRead(key, value, childPath, _problems);
        }
        return mapping;
    }

    private SourcePosition PositionOf(long byteOffset)
    {
        var line = _lineStarts.BinarySearch((int)byteOffset);
        if (line < 0) line = ~line - 1;
        return ColumnAt(line, (int)byteOffset - _lineStarts[line]);
    }

    private SourcePosition ColumnAt(int line, int byteInLine)
    {
        line = Math.Clamp(line, 0, _lineStarts.Count - 1);
        var start = _lineStarts[line];
        var length = Math.Clamp(byteInLine, 0, _utf8.Length - start);
        return new SourcePosition(line + 1, Encoding.UTF8.GetCharCount(_utf8, start, length) + 1);
    }
}
