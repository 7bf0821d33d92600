using System.Text;

namespace CloudReel.Core.Timeline;

/// <summary>
/// The implicit AI-content label of a file, as GB 45438-2025 (《网络安全技术 人工智能生成合成内容标识方法》,
/// mandatory from 2025-09-01 with 《人工智能生成合成内容标识办法》 art. 5) sets it out in its normative
/// Appendix E: a metadata field whose name contains "AIGC", holding
/// <c>{"AIGC":{"Label":…,"ContentProducer":…,"ProduceID":…,"ReservedCode1":…,"ContentPropagator":…,"PropagateID":…,"ReservedCode2":…}}</c>.
/// Label "1" means the content is AI-generated. On the first write, the propagator elements repeat
/// the producer's (Appendix E, note 1). Values keep to the characters Appendix E allows
/// (printable ASCII without space, double quote and backslash).
/// </summary>
public sealed record AigcLabel(
    string Label,
    string ContentProducer,
    string ProduceId,
    string ContentPropagator,
    string PropagateId,
    string ReservedCode1 = "",
    string ReservedCode2 = "")
{
    /// <summary>The metadata field's name.</summary>
    public const string FieldName = "AIGC";

    public const string Generated = "1";

    public const string DefaultProducer = "CloudReel";

    /// <summary>A first write by the service that generated the content.</summary>
    public static AigcLabel FirstWrite(string producer, string produceId)
    {
        var (code, id) = (Clean(producer), Clean(produceId));
        return new AigcLabel(Generated, code, id, code, id);
    }

    public AigcLabel WithProducer(string producer) => this with { ContentProducer = Clean(producer), ContentPropagator = Clean(producer) };

    /// <summary>The metadata value, in the exact shape and key order of Appendix E.</summary>
    public string ToMetadataValue()
    {
        var text = new StringBuilder("{\"AIGC\":{");
        Append(text, "Label", Label).Append(',');
        Append(text, "ContentProducer", ContentProducer).Append(',');
        Append(text, "ProduceID", ProduceId).Append(',');
        Append(text, "ReservedCode1", ReservedCode1).Append(',');
        Append(text, "ContentPropagator", ContentPropagator).Append(',');
        Append(text, "PropagateID", PropagateId).Append(',');
        Append(text, "ReservedCode2", ReservedCode2);
        return text.Append("}}").ToString();
    }

    /// <summary>Keeps the characters Appendix E allows: 0x21, 0x23–0x5B, 0x5D–0x7E.</summary>
    public static string Clean(string value) =>
        string.Concat(value.Where(c => c == 0x21 || c is (>= (char)0x23 and <= (char)0x5B) or (>= (char)0x5D and <= (char)0x7E)));

    private static StringBuilder Append(StringBuilder text, string key, string value) =>
        text.Append('"').Append(key).Append("\":\"").Append(Clean(value)).Append('"');
}
