using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudReel.Core.Orders;

/// <summary>
/// The JSON Schema (draft 2020-12) of film orders, generated from the same description of the format
/// that validation uses. Editors use it through the modeline <c># yaml-language-server: $schema=…</c>.
/// Model names, files, caption widths and rules between shots are checked by <see cref="OrderLoader"/> only.
/// </summary>
public static class OrderSchema
{
    public const string Id = "urn:cloudreel:schema:film-order:1";

    public static string ToJsonSchema()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            new SchemaWriter(writer).WriteRoot(OrderFormat.Order);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
