using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudReel.Media.Drafts;

/// <summary>The JSON writer settings and small shapes every draft file shares.</summary>
internal static class DraftJson
{
    public static string Write(Action<Utf8JsonWriter> body, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(json);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void EmptyArrays(Utf8JsonWriter json, params string[] names)
    {
        foreach (var name in names)
        {
            json.WriteStartArray(name);
            json.WriteEndArray();
        }
    }

    public static void TimeRange(Utf8JsonWriter json, string name, long start, long duration)
    {
        json.WriteStartObject(name);
        json.WriteNumber("duration", duration);
        json.WriteNumber("start", start);
        json.WriteEndObject();
    }

    public static void Platform(Utf8JsonWriter json, string name, DraftFlavour flavour)
    {
        json.WriteStartObject(name);
        json.WriteNumber("app_id", flavour.AppId);
        json.WriteString("app_source", flavour.AppSource);
        json.WriteString("app_version", flavour.AppVersion);
        json.WriteString("os", "windows");
        json.WriteEndObject();
    }
}
