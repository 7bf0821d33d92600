using System.Text.Json;
using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly.Extras;

/// <summary>
/// Writes the cut as OpenTimelineIO JSON (timeline.otio), so it opens in DaVinci Resolve, Premiere
/// or any OTIO tool with the original clips. OTIO transitions borrow handles and do not change a
/// track's length, so each overlap of the film becomes a cut in its middle with a transition around
/// it: the track runs exactly as many frames as the film, and every clip's source range is what it
/// shows alone, its handles the frames the transition takes from beyond it.
/// </summary>
internal static class OtioWriter
{
    public static string Write(FilmTimeline timeline, Func<string, string> urlOf)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("OTIO_SCHEMA", "Timeline.1");
            Metadata(json, w => w.WriteString("film_id", timeline.FilmId));
            json.WriteString("name", timeline.Title);
            json.WriteNull("global_start_time");
            json.WritePropertyName("tracks");
            Composable(json, "Stack.1", "tracks", w =>
            {
                w.WriteStartArray("children");
                Track(w, "Video 1", "Video", () => VideoItems(w, timeline, urlOf));
                if (timeline.Music is { } music)
                {
                    Track(w, "Music", "Audio", () => Clip(w, "music", urlOf(music.Name), 0, timeline.TotalFrames, timeline.Fps, _ => { }));
                }

                w.WriteEndArray();
            });
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void VideoItems(Utf8JsonWriter json, FilmTimeline timeline, Func<string, string> urlOf)
    {
        var fps = timeline.Fps;
        var cuts = EditCuts.Of(timeline);
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            Clip(json, clip.ShotId, urlOf(clip.ClipName), cuts[i].SourceStart, cuts[i].Frames, fps, w =>
            {
                w.WriteString("shot_id", clip.ShotId);
                w.WriteString("store_name", clip.ClipName);
            });
            if (cuts[i].TransitionFrames > 0)
            {
                var transition = clip.TransitionOut!;
                var (inOffset, outOffset) = EditCuts.Halves(timeline, i);
                json.WriteStartObject();
                json.WriteString("OTIO_SCHEMA", "Transition.1");
                Metadata(json, w => w.WriteString("xfade", TransitionNames.XfadeOf(transition.Kind)));
                json.WriteString("name", TransitionNames.NameOf(transition.Kind));
                json.WriteString("transition_type", transition.Kind is TransitionKind.Crossfade or TransitionKind.Dissolve ? "SMPTE_Dissolve" : "Custom_Transition");
                json.WritePropertyName("in_offset");
                Time(json, inOffset, fps);
                json.WritePropertyName("out_offset");
                Time(json, outOffset, fps);
                json.WriteEndObject();
            }
        }
    }

    private static void Clip(Utf8JsonWriter json, string name, string url, int start, int frames, int fps, Action<Utf8JsonWriter> metadata)
    {
        Composable(json, "Clip.2", name, w =>
        {
            w.WritePropertyName("source_range");
            Range(w, start, frames, fps);
            w.WriteStartObject("media_references");
            w.WriteStartObject("DEFAULT_MEDIA");
            w.WriteString("OTIO_SCHEMA", "ExternalReference.1");
            Metadata(w, _ => { });
            w.WriteString("name", name);
            w.WriteNull("available_range");
            w.WriteNull("available_image_bounds");
            w.WriteString("target_url", url);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("active_media_reference_key", "DEFAULT_MEDIA");
        }, metadata, sourceRange: false);
    }

    private static void Track(Utf8JsonWriter json, string name, string kind, Action children)
    {
        Composable(json, "Track.1", name, w =>
        {
            w.WriteString("kind", kind);
            w.WriteStartArray("children");
            children();
            w.WriteEndArray();
        });
    }

    /// <summary>The fields every OTIO item has, then its own.</summary>
    private static void Composable(Utf8JsonWriter json, string schema, string name, Action<Utf8JsonWriter> body, Action<Utf8JsonWriter>? metadata = null, bool sourceRange = true)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", schema);
        Metadata(json, metadata ?? (_ => { }));
        json.WriteString("name", name);
        if (sourceRange) json.WriteNull("source_range");
        json.WriteStartArray("effects");
        json.WriteEndArray();
        json.WriteStartArray("markers");
        json.WriteEndArray();
        json.WriteBoolean("enabled", true);
        body(json);
        json.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter json, Action<Utf8JsonWriter> cloudreel)
    {
        json.WriteStartObject("metadata");
        json.WriteStartObject("cloudreel");
        cloudreel(json);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Range(Utf8JsonWriter json, int start, int frames, int fps)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "TimeRange.1");
        json.WritePropertyName("duration");
        Time(json, frames, fps);
        json.WritePropertyName("start_time");
        Time(json, start, fps);
        json.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter json, int frames, int fps)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "RationalTime.1");
        json.WriteNumber("rate", fps);
        json.WriteNumber("value", frames);
        json.WriteEndObject();
    }
}
