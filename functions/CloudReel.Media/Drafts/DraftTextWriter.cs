using System.Text.Json;

namespace CloudReel.Media.Drafts;

/// <summary>
/// A text material: its words and one style run over all of them (white, a thin black outline for
/// legibility over any picture), with the style inside "content" as a JSON string, as the format keeps it.
/// </summary>
internal static class DraftTextWriter
{
    private const int CheckFlagWithStroke = 7 | 8;

    public static void Write(Utf8JsonWriter json, DraftText text)
    {
        json.WriteStartObject();
        json.WriteString("id", text.Id);
        json.WriteString("content", Content(text));
        json.WriteNumber("typesetting", 0);
        json.WriteNumber("alignment", 1);
        json.WriteNumber("letter_spacing", 0.0);
        json.WriteNumber("line_spacing", 0.02);
        json.WriteNumber("line_feed", 1);
        json.WriteNumber("line_max_width", 0.82);
        json.WriteBoolean("force_apply_line_max_width", false);
        json.WriteNumber("check_flag", CheckFlagWithStroke);
        json.WriteString("type", "subtitle");
        json.WriteNumber("global_alpha", 1.0);
        json.WriteEndObject();
    }

    /// <summary>The style run's range counts characters as the editors do: code points.</summary>
    private static string Content(DraftText text) => DraftJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("styles");
        json.WriteStartObject();
        json.WriteStartObject("fill");
        json.WriteNumber("alpha", 1.0);
        json.WriteStartObject("content");
        json.WriteString("render_type", "solid");
        Solid(json, 1.0);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("range");
        json.WriteNumberValue(0);
        json.WriteNumberValue(text.Text.EnumerateRunes().Count());
        json.WriteEndArray();
        json.WriteNumber("size", text.Size);
        json.WriteBoolean("bold", false);
        json.WriteBoolean("italic", false);
        json.WriteBoolean("underline", false);
        json.WriteStartArray("strokes");
        json.WriteStartObject();
        json.WriteStartObject("content");
        Solid(json, 0.0);
        json.WriteEndObject();
        json.WriteNumber("width", 0.08);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("text", text.Text);
        json.WriteEndObject();
    }, indented: false);

    private static void Solid(Utf8JsonWriter json, double grey)
    {
        json.WriteStartObject("solid");
        json.WriteNumber("alpha", 1.0);
        json.WriteStartArray("color");
        for (var i = 0; i < 3; i++) json.WriteNumberValue(grey);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
