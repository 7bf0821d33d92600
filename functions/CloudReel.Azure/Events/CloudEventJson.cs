using System.Globalization;
using System.Text.Json;
using CloudReel.Core.Events;

namespace CloudReel.Azure.Events;

/// <summary>
/// A film event as a CloudEvents 1.0 event in the JSON format (structured mode): what webhooks
/// receive as their body, and the same attributes Event Grid receives.
/// </summary>
public static class CloudEventJson
{
    public const string ContentType = "application/cloudevents+json; charset=utf-8";

    public static byte[] Serialize(FilmEvent filmEvent)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", "1.0");
            writer.WriteString("id", filmEvent.Id);
            writer.WriteString("source", FilmEvent.Source);
            writer.WriteString("type", filmEvent.Type);
            writer.WriteString("subject", filmEvent.Subject);
            writer.WriteString("time", filmEvent.TimeUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("datacontenttype", "application/json");
            writer.WritePropertyName("data");
            filmEvent.Data.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
