using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudReel.Core.Orders;

/// <summary>Writes an order's node tree as JSON, e.g. to hand a YAML order to a JSON Schema validator.</summary>
internal static class OrderNodeJson
{
    public static string Write(OrderNode root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteNode(writer, root);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNode(Utf8JsonWriter writer, OrderNode node)
    {
        switch (node)
        {
            case MappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    writer.WritePropertyName(key.Text);
                    WriteNode(writer, value);
                }
                writer.WriteEndObject();
                break;
            case SequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items) WriteNode(writer, item);
                writer.WriteEndArray();
                break;
            case ScalarNode { Kind: ScalarKind.Text } text:
                writer.WriteStringValue(text.Text);
                break;
            case ScalarNode { Kind: ScalarKind.Number } number when double.IsFinite(number.Number):
                writer.WriteNumberValue(number.Number);
                break;
            case ScalarNode { Kind: ScalarKind.Boolean } flag:
                writer.WriteBooleanValue(flag.Flag);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
